namespace MultiWallet.Audit.Bench;

/// <summary>Both runs of one benchmark and the ratio HTTP / in-memory (below 1: HTTP is slower).</summary>
public sealed record HttpVsMemoryResult(int Purchases, int Concurrency, int Wallets, TransportRun InMemory, TransportRun Http)
{
    /// <summary>HTTP throughput over in-memory throughput.</summary>
    public double Ratio => Http.PurchasesPerSecond / InMemory.PurchasesPerSecond;

    /// <summary>The figures on one line.</summary>
    public override string ToString() =>
        $"{Purchases} purchases, {Concurrency} in flight, {Wallets} wallet(s): in-memory {InMemory.PurchasesPerSecond:F1}/s " +
        $"({InMemory.Elapsed.TotalMilliseconds:F0} ms), HTTP {Http.PurchasesPerSecond:F1}/s ({Http.Elapsed.TotalMilliseconds:F0} ms), " +
        $"HTTP/in-memory = {Ratio:F2}";
}
