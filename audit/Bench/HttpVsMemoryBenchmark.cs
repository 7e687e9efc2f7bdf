using System.Diagnostics;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;

namespace MultiWallet.Audit.Bench;

/// <summary>
/// Runs the same N full SET purchases (WUM → SW → merchant → gateway, real cryptography) over the in-memory
/// network and over <c>HttpNetwork</c> in the same process, alternating (mem, HTTP, HTTP, mem), each
/// transport in its own world, both warmed up with <see cref="WarmUp"/> sequential purchases excluded from the timing. <c>concurrency</c> purchases
/// are kept in flight; orders are distinct and spread round-robin over <c>wallets</c> server wallets.
/// </summary>
public static class HttpVsMemoryBenchmark
{
    /// <summary>Untimed purchases run in each world before timing.</summary>
    public const int WarmUp = 20;

    /// <summary>Runs the benchmark synchronously (see <see cref="RunAsync"/>).</summary>
    public static HttpVsMemoryResult Run(int purchases = 200, int concurrency = 16, int wallets = 2, int seed = 20000203) =>
        RunAsync(purchases, concurrency, wallets, seed).GetAwaiter().GetResult();

    /// <summary>Runs both transports and returns their throughput.</summary>
    public static async Task<HttpVsMemoryResult> RunAsync(int purchases, int concurrency, int wallets, int seed)
    {
        // Both worlds are built and warmed up before either is timed, so neither run pays for JIT tiering
        // the other one did.
        var mem = await PrepareAsync(WorldTransport.InMemory, wallets, seed).ConfigureAwait(false);
        await using var memWorld = mem.World;
        var http = await PrepareAsync(WorldTransport.Http, wallets, seed).ConfigureAwait(false);
        await using var httpWorld = http.World;
        // Two rounds in opposite order (mem, HTTP, then HTTP, mem), n/2 purchases each, summed: cancels order effects
        // (JIT tiering, GC state, a neighbour's load) that otherwise favour whichever transport runs second.
        var half = Math.Max(1, purchases / 2);
        var m1 = await TimeAsync(mem, half, concurrency, "BENCH-1").ConfigureAwait(false);
        var h1 = await TimeAsync(http, half, concurrency, "BENCH-1").ConfigureAwait(false);
        var h2 = await TimeAsync(http, purchases - half, concurrency, "BENCH-2").ConfigureAwait(false);
        var m2 = await TimeAsync(mem, purchases - half, concurrency, "BENCH-2").ConfigureAwait(false);
        var memRun = m1 with { Purchases = m1.Purchases + m2.Purchases, Elapsed = m1.Elapsed + m2.Elapsed, Paid = m1.Paid + m2.Paid };
        var httpRun = h1 with { Purchases = h1.Purchases + h2.Purchases, Elapsed = h1.Elapsed + h2.Elapsed, Paid = h1.Paid + h2.Paid };
        return new HttpVsMemoryResult(purchases, concurrency, wallets, memRun, httpRun);
    }

    private sealed record Prepared(WorldTransport Transport, PaymentWorld World, MultiWallet.Impl.Client.Wum[] Wums);

    private static async Task<Prepared> PrepareAsync(WorldTransport transport, int wallets, int seed)
    {
        var world = new PaymentWorld(seed, TimeSpan.FromSeconds(60), transport);
        var wums = Enumerable.Range(1, Math.Max(1, wallets)).Select(i =>
        {
            world.AddServerWallet($"SW-{i}", "BrandA");
            return world.NewWum($"SW-{i}");
        }).ToArray();
        for (var i = 0; i < WarmUp; i++) // untimed: JIT tiering and connection pools settle before the clock starts
            if (await wums[i % wums.Length].PayAsync(world.WakeUp($"WARM-UP-{i}", "BrandA")).ConfigureAwait(false) is not Paid)
                throw new InvalidOperationException($"{transport} warm-up purchase failed");
        return new Prepared(transport, world, wums);
    }

    private static async Task<TransportRun> TimeAsync(Prepared p, int n, int concurrency, string prefix)
    {
        var wakeUps = Enumerable.Range(0, n).Select(i => p.World.WakeUp($"{prefix}-{i:00000}", "BrandA")).ToArray();
        var paid = 0;
        var next = -1;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, concurrency)).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < n)
                if (await p.Wums[i % p.Wums.Length].PayAsync(wakeUps[i]).ConfigureAwait(false) is Paid)
                    Interlocked.Increment(ref paid);
        }))).ConfigureAwait(false);
        sw.Stop();
        return new TransportRun(p.Transport, n, sw.Elapsed, paid);
    }
}
