using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Network;

/// <summary>
/// The keep-alive rule S4 on both transports: behind an E7 master, a listed slave that accepts and never answers costs the
/// master three attempts (3 × 2 T), longer than the PC's wait for the master (3 T); the master's Working answers keep the
/// PC waiting, so the slave is skipped and the next listed one pays — in memory on virtual time, and over loopback HTTPS on
/// the wall clock, where a Timeout the in-memory run does not have is the machine's (inconclusive), never a verdict.
/// </summary>
internal static class HttpSilentSlaveChecks
{
    /// <summary>The base wait: short, so the silent slave's three attempts take seconds, not half a minute.</summary>
    private static readonly TimeSpan T = TimeSpan.FromSeconds(1);

    /// <summary>What one run showed: the PC's outcome, the Working answers the master gave, and the Timeouts decided.</summary>
    private sealed record Run(PaymentOutcome Outcome, int KeptAlive, int Timeouts);

    [Check("HTTP-SILENT-SLAVE-KEEPALIVE", Title = "E7 with the first listed slave silent: in memory and over HTTP the master answers the PC's repeat Working, the PC keeps waiting, the slave is skipped and the next listed slave pays",
        Requirements = ["INV-ROUTE-COMPLETE", "INV-BOUNDED", "INV-PROXY-TRANSPARENT", "E7", "C8"], Embodiments = [Embodiment.E7], Kind = CheckKind.Example)]
    public static CheckOutcome SilentSlaveKeptAlive(CheckContext ctx)
    {
        var verdict = new WallClockVerdict(ctx);
        var memory = Pay(ctx.Seed, WorldTransport.InMemory);
        ctx.Log($"in memory: {memory}");
        Judge(verdict, "in memory", memory!);
        Run? http;
        try { http = Pay(ctx.Seed, WorldTransport.Http); }
        catch (WallClockLimitException e) { verdict.Environment($"over HTTP: {e.Message}"); http = null; }
        if (http is not null)
        {
            ctx.Log($"over HTTP: {http}");
            // Only the silent slave's attempts and the PC's first wait may time out; any other Timeout is the wall clock's.
            if (http.Timeouts > memory!.Timeouts) verdict.Environment($"over HTTP {http.Timeouts - memory.Timeouts} more send(s) timed out on the wall clock");
            // The outcome is the rule's; whether a Working answer was due depends on when the wall-clock waits of a
            // loaded machine fired (the in-memory run judges that on virtual time), so a run without one judged nothing of it.
            else if (http.KeptAlive == 0 && http.Outcome is Paid { Wallet: "SSW-2" })
                verdict.Environment("over HTTP no Working answer was traced: the PC's and the master's waits ran on the machine's wall clock, so the keep-alive was not exercised");
            else Judge(verdict, "over HTTP", http);
        }
        return verdict.Outcome(2, $"both transports: Paid(SSW-2) after the master's Working answers ({memory!.KeptAlive} in memory), SSW-1 skipped");
    }

    private static void Judge(WallClockVerdict verdict, string where, Run r)
    {
        if (r.Outcome is not Paid { Wallet: "SSW-2" }) verdict.Fail($"{where}: expected Paid(SSW-2) after skipping the silent SSW-1, got {r.Outcome}");
        if (r.KeptAlive == 0) verdict.Fail($"{where}: the master never answered Working, yet its attempts at SSW-1 (3 × 2 T) outlast the PC's wait (3 T)");
    }

    /// <summary>One E7 purchase of BrandB with SSW-1 silent and SSW-2 answering, both listed for BrandB.</summary>
    private static Run Pay(int seed, WorldTransport transport)
    {
        var world = new PaymentWorld(seed, T, transport);
        try
        {
            var slaves = new List<WalletConfig> { new("SSW-1", ["BrandB"]), new("SSW-2", ["BrandB"]) };
            var e = EmbodimentWorld.Build(world, new TopologyConfig("E7", slaves, new WalletConfig("MSW", []))
            {
                Knowledge = new KnowledgeConfig.BrandTable(slaves.Select(w => (w.Name, w.Held)).ToList()),
            }, new ScriptedUser([]));
            e.SetSilent("SSW-1", true);
            var wake = world.WakeUp("ORD-1", "BrandB", 1000);
            var outcome = world.Wire.Time.Run(ct => e.PayAsync(wake, ct));
            var kept = world.Trace.Events.OfType<DecisionEvent>().Count(d => d.What == TraceDecisions.KeptAlive);
            return new Run(outcome, kept, world.Wire.TimeoutsFired);
        }
        finally { world.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }
}
