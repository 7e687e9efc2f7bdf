using System.Diagnostics;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;

namespace MultiWallet.Impl.Bench;

/// <summary>Throughput of one transport: purchases completed (all must be Paid), wall time, purchases per second.</summary>
public sealed record TransportRun(WorldTransport Transport, int Purchases, TimeSpan Elapsed, int Paid)
{
    public double PurchasesPerSecond => Purchases / Elapsed.TotalSeconds;
}

/// <summary>Both runs of one benchmark and the ratio HTTP / in-memory (below 1: HTTP is slower).</summary>
public sealed record HttpVsMemoryResult(int Purchases, int Concurrency, int Wallets, TransportRun InMemory, TransportRun Http)
{
    public double Ratio => Http.PurchasesPerSecond / InMemory.PurchasesPerSecond;

    public override string ToString() =>
        $"{Purchases} purchases, {Concurrency} in flight, {Wallets} wallet(s): in-memory {InMemory.PurchasesPerSecond:F1}/s " +
        $"({InMemory.Elapsed.TotalMilliseconds:F0} ms), HTTP {Http.PurchasesPerSecond:F1}/s ({Http.Elapsed.TotalMilliseconds:F0} ms), " +
        $"HTTP/in-memory = {Ratio:F2}";
}

/// <summary>
/// Runs the same N full SET purchases (WUM → SW → merchant → gateway, real cryptography) over the in-memory
/// network and over <see cref="Network.Http.HttpNetwork"/> in the same process, one after the other, each in a
/// fresh world with a one-purchase warm-up excluded from the timing. <paramref name="concurrency"/> purchases
/// are kept in flight; orders are distinct and spread round-robin over <paramref name="wallets"/> server wallets.
/// </summary>
public static class HttpVsMemoryBenchmark
{
    public static HttpVsMemoryResult Run(int purchases = 200, int concurrency = 16, int wallets = 2, int seed = 20000203) =>
        RunAsync(purchases, concurrency, wallets, seed).GetAwaiter().GetResult();

    public static async Task<HttpVsMemoryResult> RunAsync(int purchases, int concurrency, int wallets, int seed)
    {
        var mem = await OneAsync(WorldTransport.InMemory, purchases, concurrency, wallets, seed).ConfigureAwait(false);
        var http = await OneAsync(WorldTransport.Http, purchases, concurrency, wallets, seed).ConfigureAwait(false);
        return new HttpVsMemoryResult(purchases, concurrency, wallets, mem, http);
    }

    private static async Task<TransportRun> OneAsync(WorldTransport transport, int n, int concurrency, int wallets, int seed)
    {
        await using var world = new PaymentWorld(seed, TimeSpan.FromSeconds(60), transport);
        var wums = Enumerable.Range(1, wallets).Select(i =>
        {
            world.AddServerWallet($"SW-{i}", "BrandA");
            return world.NewWum($"SW-{i}");
        }).ToArray();
        if (await wums[0].PayAsync(world.WakeUp("WARM-UP", "BrandA")).ConfigureAwait(false) is not Paid w)
            throw new InvalidOperationException($"{transport} warm-up purchase failed");
        var wakeUps = Enumerable.Range(0, n).Select(i => world.WakeUp($"BENCH-{i:00000}", "BrandA")).ToArray();
        var paid = 0;
        var next = -1;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, concurrency)).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < n)
                if (await wums[i % wums.Length].PayAsync(wakeUps[i]).ConfigureAwait(false) is Paid)
                    Interlocked.Increment(ref paid);
        }))).ConfigureAwait(false);
        sw.Stop();
        return new TransportRun(transport, n, sw.Elapsed, paid);
    }
}
