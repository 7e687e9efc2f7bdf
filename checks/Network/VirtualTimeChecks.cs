using MultiWallet.Checks.Bridge;
using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Invariants;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;
using MultiWallet.Model.Prediction;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Network;

/// <summary>
/// Time is a seam: in memory every wait is a timer of the world's virtual time, so a timeout is an event of the seed
/// (same instant, same trace, whatever the machine's load) and a hang is "no runnable work left", found at once.
/// None of these checks reads the wall clock.
/// </summary>
internal static class VirtualTimeChecks
{
    private static (PaymentOutcome Outcome, DateTime Now, string Trace) SilentWallet(int seed)
    {
        var world = new PaymentWorld(seed);
        world.AddServerWallet("SW-1", "BrandA");
        // The wallet takes the request and never answers: only the sender's bounded wait can end the purchase.
        world.Wire.Listen(Address.ServerWallet("SW-1"), (_, _) => new TaskCompletionSource<NetMessage>().Task);
        var wum = world.NewWum("SW-1");
        var wake = world.WakeUp("ORD-1", "BrandA");
        var outcome = world.Run(ct => wum.PayAsync(wake, ct));
        return (outcome, world.Clock.UtcNow, world.Trace.Render());
    }

    [Check("TIME-VIRTUAL-TIMEOUT", Title = "in memory a wallet that never answers times out after exactly its hop's bounded wait of virtual time per attempt (the session start is retried), the parties' clock reads that instant, and the run replays identically",
        Requirements = ["INV-ROUTE-COMPLETE", "INV-CONFORM"], Kind = CheckKind.Example)]
    public static CheckOutcome VirtualTimeout(CheckContext ctx)
    {
        var first = SilentWallet(ctx.Seed);
        var again = SilentWallet(ctx.Seed);
        ctx.Log(first.Trace.TrimEnd());
        // The PC's wait for its wallet's session is that hop's bounded wait (docs/DECISIONS.md, per-hop waits).
        var wait = HopTimeouts.For(new NetMessage(Address.Pc, Address.ServerWallet("SW-1"), WalletProtocol.Start, [1]), TracedNetwork.DefaultTimeout);
        // The relay sends the start again after each timeout (DECISIONS.md S3): RetriedRequest.Attempts waits in all.
        var expectedNow = FixedClock.Epoch + wait * RetriedRequest.Attempts;
        if (first.Outcome is not Refused { Reason: RefusalReason.WalletUnreachable } r || !r.Cause.Contains("Timeout", StringComparison.Ordinal))
            return CheckOutcome.Fail($"expected WalletUnreachable by Timeout, got {first.Outcome}");
        if (first.Now != expectedNow) return CheckOutcome.Fail($"the clock reads {first.Now:O} after the timeout, expected {expectedNow:O}");
        if (!first.Trace.Contains($"no answer within {wait.TotalMilliseconds} ms", StringComparison.Ordinal))
            return CheckOutcome.Fail("no Timeout decision in the trace");
        if (first != again) return CheckOutcome.Fail($"two runs of seed {ctx.Seed} differ:\n{first.Trace}\n---\n{again.Trace}");
        return CheckOutcome.Pass($"{first.Outcome} at virtual {first.Now:HH:mm:ss} (Epoch + {RetriedRequest.Attempts} × {wait.TotalSeconds} s, the PC-to-wallet hop's wait per attempt), identical on replay");
    }

    [Check("TIME-HANG-DETECTED", Title = "a wake-up waiting for what nobody will do is a typed hang (no runnable work left), found without a wall clock, reported by INV-CONFORM naming the blocked message",
        Requirements = ["INV-CONFORM", "INV-ROUTE-COMPLETE"], Kind = CheckKind.Example)]
    public static CheckOutcome Hang(CheckContext ctx)
    {
        // The first generated E1 scenario the model pays in: its wallet session never opens.
        var scenario = Campaign.Generate(Embodiment.E1, ctx.Seed, 50).FirstOrDefault(s =>
            Predictor.Predict(s.Topology, s.Script, s.Steps).Any(p => p.Outcome is Outcome.Paid));
        if (scenario is null) return CheckOutcome.Fail("no generated E1 scenario pays");
        var parts = new EmbodimentWorld.Parts { ClientNetwork = net => new UnboundedWaitNetwork(net, WalletProtocol.Start) };
        var run = ConformanceRunner.Run(scenario.Topology, scenario.Script, scenario.Steps, ctx.Seed, parts);
        var again = ConformanceRunner.Run(scenario.Topology, scenario.Script, scenario.Steps, ctx.Seed, parts);
        if (run.Hang is not { } hang) return CheckOutcome.Fail($"no hang reported (agrees={run.Agrees}) for\n{scenario}");
        ctx.Log(hang.Divergence);
        if (!hang.BlockedAfter.Contains(WalletProtocol.Start, StringComparison.Ordinal)) return CheckOutcome.Fail($"the hang does not name the blocked message: {hang.Divergence}");
        if (hang.At != FixedClock.Epoch) return CheckOutcome.Fail($"the hang was found at virtual {hang.At:O}, not at once");
        var verdict = Invariants.Invariants.AllInvariants.Single(i => i.Id == "INV-CONFORM").Eval(new Case(scenario, run, null), new HashSet<string>());
        if (verdict is null) return CheckOutcome.Fail("INV-CONFORM accepted a hung run");
        if (again.Hang?.Divergence != hang.Divergence) return CheckOutcome.Fail("the hang is not reproduced identically");
        return CheckOutcome.Pass($"INV-CONFORM: {verdict.Split('\n')[0]}");
    }
}
