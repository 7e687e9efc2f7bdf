using MultiWallet.Impl.World;

namespace MultiWallet.Audit.Bench;

/// <summary>Throughput of one transport: purchases completed (all must be Paid), wall time, purchases per second.</summary>
public sealed record TransportRun(WorldTransport Transport, int Purchases, TimeSpan Elapsed, int Paid)
{
    /// <summary>Throughput.</summary>
    public double PurchasesPerSecond => Purchases / Elapsed.TotalSeconds;
}
