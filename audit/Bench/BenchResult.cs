namespace MultiWallet.Audit.Bench;

/// <summary>Result of <see cref="PurchaseBenchmark.Run"/>.</summary>
public sealed record BenchResult(int Purchases, double Seconds, double PurchasesPerSecond, double MsPerPurchase, IReadOnlyList<OpCost> Ops, double CryptoFloorMs)
{
    /// <summary>Purchase time over the crypto floor: how much the non-crypto machinery (encoding, trace, async) costs on top.</summary>
    public double Ratio => MsPerPurchase / CryptoFloorMs;

    /// <summary>One line of figures, then one line per operation.</summary>
    public override string ToString() =>
        $"{Purchases} purchases in {Seconds:F2} s = {PurchasesPerSecond:F1}/s ({MsPerPurchase:F2} ms each); crypto floor {CryptoFloorMs:F2} ms; ratio {Ratio:F2}\n" +
        string.Join('\n', Ops.Select(o => $"  {o.Operation,-44} {o.Ms,8:F3} ms x {o.PerPurchase} = {o.FloorMs:F3} ms"));
}
