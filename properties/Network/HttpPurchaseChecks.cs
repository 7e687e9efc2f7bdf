using System.Diagnostics;
using MultiWallet.Impl.Bench;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;
using MultiWallet.Properties.Catalog;

namespace MultiWallet.Properties.Network;

/// <summary>The SET purchase over real HTTP: same trace as in memory, and exactly-once under concurrent load.</summary>
internal static class HttpPurchaseChecks
{
    private static string Purchase(int seed, WorldTransport transport)
    {
        var world = new PaymentWorld(seed, transport: transport);
        try
        {
            world.AddServerWallet("SW-1", "BrandA");
            world.AddServerWallet("SW-2", "BrandB");
            var o1 = world.NewWum("SW-1").PayAsync(world.WakeUp("ORD-1", "BrandA")).GetAwaiter().GetResult();
            var o2 = world.NewWum("SW-2").PayAsync(world.WakeUp("ORD-2", "BrandB", 500)).GetAwaiter().GetResult();
            // A wallet marked down: the WUM's typed refusal and the network decision must match too.
            world.Wire.SetDown(Impl.Network.Address.ServerWallet("SW-2"), true);
            var o3 = world.NewWum("SW-2").PayAsync(world.WakeUp("ORD-3", "BrandB")).GetAwaiter().GetResult();
            if (o1 is not Paid || o2 is not Paid || o3 is not Refused) throw new InvalidOperationException($"{transport}: {o1} / {o2} / {o3}");
            return world.Trace.Render();
        }
        finally { world.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }

    [Check("HTTP-TRACE-EQUALS-INMEMORY", Title = "the same seeded purchases (two paid, one to a down wallet) render byte-identical traces over HTTP and in memory",
        Requirements = ["INV-CONFORM", "INV-DUAL-SIG", "INV-ROUTE-COMPLETE"], Kind = "trace")]
    public static CheckOutcome TraceEquals(CheckContext ctx)
    {
        var mem = Purchase(ctx.Seed, WorldTransport.InMemory);
        var http = Purchase(ctx.Seed, WorldTransport.Http);
        ctx.Log(http.TrimEnd());
        if (mem == http) return CheckOutcome.Pass($"{mem.Count(c => c == '\n')} trace lines byte-identical");
        var a = mem.Split('\n');
        var b = http.Split('\n');
        var first = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
        return CheckOutcome.Fail($"traces differ at line {first + 1}:\nin-memory: {(first < a.Length ? a[first] : "<end>")}\nHTTP:      {(first < b.Length ? b[first] : "<end>")}");
    }

    public const int LoadPurchases = 240;
    public const int LoadWallets = 3;
    private static readonly TimeSpan LoadBudget = TimeSpan.FromSeconds(240);

    [Check("HTTP-LOAD-EXACTLY-ONCE", Title = "240 concurrent purchases with distinct orders over HTTP to 3 wallets: every order authorized exactly once, none lost, bounded time",
        Requirements = ["INV-ONCE", "INV-ROUTE-COMPLETE"], Kind = "example")]
    public static CheckOutcome LoadExactlyOnce(CheckContext ctx)
    {
        var world = new PaymentWorld(ctx.Seed, TimeSpan.FromSeconds(90), WorldTransport.Http);
        try
        {
            var wums = Enumerable.Range(1, LoadWallets).Select(i => { world.AddServerWallet($"SW-{i}", "BrandA", "BrandB"); return world.NewWum($"SW-{i}"); }).ToArray();
            var orders = Enumerable.Range(0, LoadPurchases).Select(i => (LidM: $"LOAD-{i:0000}", Brand: i % 2 == 0 ? "BrandA" : "BrandB")).ToArray();
            var wakeUps = orders.Select(o => world.WakeUp(o.LidM, o.Brand, 1000 + orders.Length)).ToArray();
            var sw = Stopwatch.StartNew();
            // All purchases started at once: every one is in flight concurrently.
            var all = Task.WhenAll(orders.Select((o, i) => Task.Run(() => wums[i % wums.Length].PayAsync(wakeUps[i]))));
            if (!all.Wait(LoadBudget)) return CheckOutcome.Fail($"{LoadPurchases} purchases not finished within {LoadBudget.TotalSeconds} s");
            sw.Stop();
            var outcomes = all.Result;
            var notPaid = outcomes.Select((o, i) => (o, i)).Where(x => x.o is not Paid).Select(x => $"{orders[x.i].LidM}: {x.o}").ToList();
            var wrongCount = orders.Select(o => (o.LidM, n: world.Gateway.Authorizations(PaymentWorld.MerchantId, o.LidM))).Where(x => x.n != 1).Select(x => $"{x.LidM} authorized {x.n}x").ToList();
            var total = world.Gateway.TotalAuthorizations;
            var rate = LoadPurchases / sw.Elapsed.TotalSeconds;
            ctx.Log($"{LoadPurchases} purchases in {sw.Elapsed.TotalMilliseconds:F0} ms ({rate:F1}/s); gateway total {total}; {world.Trace.Count} trace events");
            var failures = notPaid.Take(5).Concat(wrongCount.Take(5)).ToList();
            if (total != LoadPurchases) failures.Add($"gateway total {total} ≠ {LoadPurchases}");
            return failures.Count == 0
                ? CheckOutcome.Pass($"{LoadPurchases} concurrent purchases over HTTP, {LoadWallets} wallets: each order authorized exactly once, all Paid, {sw.Elapsed.TotalSeconds:F1} s ({rate:F1}/s)", LoadPurchases)
                : CheckOutcome.Fail($"{notPaid.Count} not paid, {wrongCount.Count} orders not authorized exactly once:\n" + string.Join("\n", failures), LoadPurchases);
        }
        finally { world.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }
}
