namespace MultiWallet.Audit.Bench;

/// <summary>Result of <see cref="PurchaseBenchmark.Result"/>: purchases and primitives measured in CPU time over interleaved rounds.</summary>
/// <param name="Rounds">Rounds measured.</param>
/// <param name="Purchases">Purchases timed over all rounds.</param>
/// <param name="MsPerPurchase">CPU milliseconds per purchase: median and range over the rounds.</param>
/// <param name="Ops">Per-primitive costs.</param>
/// <param name="PerThread">Whether the CPU time is the measuring thread's own (else the process's).</param>
public sealed record BenchResult(int Rounds, int Purchases, Spread MsPerPurchase, IReadOnlyList<OpCost> Ops, bool PerThread)
{
    /// <summary>Sum of the primitives one purchase performs, each at its median cost.</summary>
    public double CryptoFloorMs => Ops.Sum(o => o.FloorMs);

    /// <summary>Purchases per CPU second (median).</summary>
    public double PurchasesPerCpuSecond => 1000 / MsPerPurchase.Median;

    /// <summary>Purchase CPU time over the crypto floor: how much the non-crypto machinery (encoding, trace, async) costs on top.</summary>
    public double Ratio => MsPerPurchase.Median / CryptoFloorMs;
}
