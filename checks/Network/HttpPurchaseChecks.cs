using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Network;

/// <summary>The SET purchase over real HTTP: same trace as in memory, and exactly-once under concurrent load.</summary>
internal static class HttpPurchaseChecks
{
    /// <summary>The trace of the seeded purchases, or null when over HTTP a send timed out or was refused on the wall clock (environment).</summary>
    private static string? Purchase(int seed, WorldTransport transport)
    {
        // A patient bounded wait: nothing here should time out, so machine load must not make it.
        var world = new PaymentWorld(seed, TimeSpan.FromSeconds(30), transport);
        try
        {
            world.AddServerWallet("SW-1", "BrandA");
            world.AddServerWallet("SW-2", "BrandB");
            var o1 = world.NewWum("SW-1").PayAsync(world.WakeUp("ORD-1", "BrandA")).GetAwaiter().GetResult();
            var o2 = world.NewWum("SW-2").PayAsync(world.WakeUp("ORD-2", "BrandB", 500)).GetAwaiter().GetResult();
            // A wallet marked down: the WUM's typed refusal and the network decision must match too.
            world.Wire.SetDown(Impl.Network.Address.ServerWallet("SW-2"), true);
            var o3 = world.NewWum("SW-2").PayAsync(world.WakeUp("ORD-3", "BrandB")).GetAwaiter().GetResult();
            if (world.Wire.EnvironmentFailures > 0 && transport == WorldTransport.Http) return null;
            if (o1 is not Paid || o2 is not Paid || o3 is not Refused) throw new InvalidOperationException($"{transport}: {o1} / {o2} / {o3}");
            return world.Trace.Render();
        }
        finally { world.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }

    [Check("HTTP-TRACE-EQUALS-INMEMORY", Title = "the same seeded purchases (two paid, one to a down wallet) render byte-identical traces over HTTP and in memory",
        Requirements = ["INV-CONFORM", "INV-DUAL-SIG", "INV-ROUTE-COMPLETE"], Kind = CheckKind.Trace)]
    public static CheckOutcome TraceEquals(CheckContext ctx)
    {
        var mem = Purchase(ctx.Seed, WorldTransport.InMemory)!;
        if (Purchase(ctx.Seed, WorldTransport.Http) is not { } http)
            return CheckOutcome.InconclusiveEnvironment("a send over HTTP timed out on the wall clock; the traces then differ by it");
        ctx.Log(http.TrimEnd());
        if (mem == http) return CheckOutcome.Pass($"{mem.Count(c => c == '\n')} trace lines byte-identical");
        var a = mem.Split('\n');
        var b = http.Split('\n');
        var first = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
        return CheckOutcome.Fail($"traces differ at line {first + 1}:\nin-memory: {(first < a.Length ? a[first] : "<end>")}\nHTTP:      {(first < b.Length ? b[first] : "<end>")}");
    }

    public const int LoadPurchases = 240;
    public const int LoadSlaves = 3;
    /// <summary>Wake-ups sent a second time while the originals are in flight (every tenth order).</summary>
    public const int LoadDuplicates = LoadPurchases / 10;
    private static readonly string[] LoadBrands = ["BrandA", "BrandB", "BrandC"];

    [Check("HTTP-LOAD-EXACTLY-ONCE", Title = "240 concurrent purchases (plus 24 duplicated wake-ups) over HTTP through one MSW proxying to 3 SSWs: every order authorized exactly once, none lost, duplicates refused",
        Requirements = ["INV-ONCE", "INV-ROUTE-COMPLETE", "INV-PROXY-TRANSPARENT", "E7", "C8"], Embodiments = [Embodiment.E7], Kind = CheckKind.Example, Exclusive = true)]
    public static CheckOutcome LoadExactlyOnce(CheckContext ctx) => Load(ctx, LoadPurchases, disturb: null);

    /// <summary>
    /// Purchases a listening gateway refuses to connect (its URL remapped to a closed port, its handler still there: what a
    /// full backlog or connection limit does under load) are inconclusive, never failed; the same shortfall with the
    /// gateway's listener stopped on purpose (the system's doing) fails. The load judgement of HTTP-LOAD-EXACTLY-ONCE, on 12 purchases.
    /// </summary>
    [Check("HTTP-REFUSAL-INCONCLUSIVE", Title = "a purchase over HTTP cut short by a refused connection to a listening party is inconclusive (the machine's load), while a stopped listener's refusal is judged",
        Requirements = ["INV-ONCE", "INV-ROUTE-COMPLETE"], Embodiments = [Embodiment.E7], Kind = CheckKind.Example)]
    public static CheckOutcome RefusalIsInconclusive(CheckContext ctx)
    {
        const int purchases = 12;
        var quiet = new CheckContext(ctx.Seed, ctx.Cases, _ => { }, ctx.Transport);
        var refused = Load(quiet, purchases, w => ((HttpNetwork)w.Wire).MapRemote(Address.Gateway, ClosedPort()));
        var stopped = Load(quiet, purchases, w => ((HttpNetwork)w.Wire).StopListeningAsync(Address.Gateway).GetAwaiter().GetResult());
        // Verdicts only: the messages count refusals, which depend on how the purchases interleave.
        string Verdict(CheckOutcome o) => o.Inconclusive is not null ? "inconclusive" : o.Passed ? "passed" : "failed";
        ctx.Log($"refused by a listening gateway: {Verdict(refused)}; by a stopped gateway: {Verdict(stopped)}");
        var verdict = new WallClockVerdict(ctx);
        if (refused.Inconclusive is null || !refused.Passed) verdict.Fail($"a listening gateway's refused connections were judged: {refused.Message}");
        // The stopped gateway's run may itself be cut short by this machine (a timeout elsewhere): then it judges nothing.
        if (stopped.Inconclusive is { } why) verdict.Environment($"the stopped gateway's run: {why}");
        else if (stopped.Passed) verdict.Fail($"a stopped gateway's refusals were not judged: {stopped.Message}");
        return verdict.Outcome(2, $"{purchases} purchases refused by a listening gateway: inconclusive; by a stopped one: failed");
    }

    /// <summary>A loopback URL nobody listens at (a port the OS gave and took back): connecting to it is refused.</summary>
    private static Uri ClosedPort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return new Uri($"https://127.0.0.1:{port}/");
    }

    /// <summary>
    /// <paramref name="purchases"/> concurrent purchases and a tenth of them duplicated, in an E7 world over HTTP that
    /// <paramref name="disturb"/> (when given) alters once it is built, judged exactly once.
    /// </summary>
    private static CheckOutcome Load(CheckContext ctx, int purchases, Action<PaymentWorld>? disturb)
    {
        var world = new PaymentWorld(ctx.Seed, TimeSpan.FromSeconds(90), WorldTransport.Http);
        try
        {
            // E7: the PC's one WUM talks to the MSW, which holds no brand and proxies each purchase to the slave
            // its brand information names (SSW-k holds brand k), over real sockets at every hop.
            var slaves = Enumerable.Range(0, LoadSlaves).Select(i => new WalletConfig($"SSW-{i + 1}", [LoadBrands[i]])).ToList();
            var e = EmbodimentWorld.Build(world, new TopologyConfig("E7", slaves, new WalletConfig("MSW", []))
            {
                Knowledge = new KnowledgeConfig.BrandTable(slaves.Select(w => (w.Name, w.Held)).ToList()),
            }, new ScriptedUser([]));
            disturb?.Invoke(world);
            var orders = Enumerable.Range(0, purchases).Select(i => (LidM: $"LOAD-{i:0000}", Brand: LoadBrands[i % LoadSlaves])).ToArray();
            var wakeUps = orders.Select(o => world.WakeUp(o.LidM, o.Brand, 1000 + orders.Length)).ToArray();
            var duplicates = Enumerable.Range(0, purchases / 10).Select(k => k * 10).ToArray();
            // All purchases and the duplicates started at once: every one is in flight concurrently.
            var all = Task.WhenAll(wakeUps.Concat(duplicates.Select(i => wakeUps[i])).Select(w => Task.Run(() => e.PayAsync(w))));
            // No wall-clock deadline here: every purchase ends within the network's own bounded waits, and a verdict
            // must not depend on how fast a loaded machine gets through them.
            all.Wait();
            var outcomes = all.Result;
            var paid = outcomes.OfType<Paid>().ToList();
            var replays = outcomes.OfType<Refused>().Count(r => r.Reason == RefusalReason.Replay);
            var others = outcomes.OfType<Refused>().Where(r => r.Reason != RefusalReason.Replay).Select(r => r.ToString()).ToList();
            var wrongCount = orders.Select(o => (o.LidM, n: world.Gateway.Authorizations(PaymentWorld.MerchantId, o.LidM))).Where(x => x.n != 1).Select(x => $"{x.LidM} authorized {x.n}x").ToList();
            var wrongSlave = paid.Where(p => p.Wallet != $"SSW-{Array.IndexOf(LoadBrands, p.Brand) + 1}").Select(p => p.ToString()).ToList();
            var total = world.Gateway.TotalAuthorizations;
            ctx.Log($"{purchases} purchases + {duplicates.Length} duplicates; gateway total {total}; {world.Trace.Count} trace events");
            // Never authorized twice and never paid by the wrong slave, whatever the clock did: judged. A purchase cut short
            // by a wall-clock timeout or a refused connection (not paid, not authorized) is the machine's: inconclusive, not a failure.
            var verdict = new WallClockVerdict(ctx);
            foreach (var f in wrongCount.Where(w => !w.EndsWith(" authorized 0x", StringComparison.Ordinal)).Take(5).Concat(wrongSlave.Take(5))) verdict.Fail(f);
            if (total > purchases) verdict.Fail($"gateway total {total} > {purchases}");
            var shortfalls = others.Take(5).Concat(wrongCount.Where(w => w.EndsWith(" authorized 0x", StringComparison.Ordinal)).Take(5)).ToList();
            if (paid.Count != purchases) shortfalls.Add($"{paid.Count} paid, expected {purchases}");
            if (replays != duplicates.Length) shortfalls.Add($"{replays} duplicates refused as Replay, expected {duplicates.Length}");
            if (total < purchases) shortfalls.Add($"gateway total {total} < {purchases}");
            // Cut short means a send timed out or the transport refused a listening party (its backlog or connection limit
            // under load): either way the machine's, so an order that was not paid is not the system's failure.
            foreach (var f in shortfalls)
                if (world.Wire.EnvironmentFailures > 0) verdict.Environment($"{f} ({world.Wire.DescribeEnvironmentFailures()})");
                else verdict.Fail(f);
            return verdict.Outcome(purchases, $"{purchases} concurrent purchases through one MSW to {LoadSlaves} SSWs over HTTP: each order authorized exactly once, all paid by the right slave, {duplicates.Length} duplicates refused");
        }
        finally { world.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }
}
