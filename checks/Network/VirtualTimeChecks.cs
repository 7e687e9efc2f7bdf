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

    /// <summary>
    /// Two callers wait for one reply that comes after a virtual wait, and each then waits again: with <paramref name="shared"/>
    /// each through its own task of a <see cref="SharedReply{T}"/>, otherwise both awaiting one task. Returns the threads
    /// every continuation ran on and the driver's, or the exception the run ended with.
    /// </summary>
    private static (IReadOnlyList<int> Threads, int Driver, Exception? Failure) TwoWaiters(bool shared)
    {
        var time = new VirtualTime(FixedClock.Epoch);
        var threads = new List<int>();
        var driver = Environment.CurrentManagedThreadId;
        var reply = new SharedReply<int>();
        var plain = new TaskCompletionSource<int>();
        // Both waiters have asked for their wait: the driver holds still until then, so a waiter resumed on the pool has
        // reached the world (its wait) before the driver looks again, whatever the machine's speed.
        using var asked = new CountdownEvent(2);
        async Task<int> Waiter(Task<int> answer)
        {
            var v = await answer.ConfigureAwait(false);
            lock (threads) threads.Add(Environment.CurrentManagedThreadId);
            var wait = time.Delay(TimeSpan.FromMilliseconds(1));
            asked.Signal();
            await wait.ConfigureAwait(false);
            lock (threads) threads.Add(Environment.CurrentManagedThreadId);
            return v;
        }
        try
        {
            time.Run(async _ =>
            {
                var a = Waiter(shared ? reply.Join() : plain.Task);
                var b = Waiter(shared ? reply.Join() : plain.Task);
                await time.Delay(TimeSpan.FromMilliseconds(5)).ConfigureAwait(false);
                if (shared) reply.SetResult(7); else plain.SetResult(7);
                // A bound against a pool that never runs the second waiter (a deadlock), not a verdict.
                if (!asked.Wait(TimeSpan.FromMinutes(2))) throw new InvalidOperationException("the second waiter never resumed");
                return await a.ConfigureAwait(false) + await b.ConfigureAwait(false);
            });
            return (threads, driver, null);
        }
        catch (Exception e) { return (threads, driver, e); }
    }

    [Check("TIME-ONE-THREAD", Title = "in memory a world runs on the one thread driving its virtual time: callers waiting for one reply (identical requests in flight, a session's repeats) each resume there, and world code found running on another thread fails the run instead of being reported",
        Requirements = ["INV-CONFORM", "INV-EXACTLY-ONCE-UNDER-FAULTS"], Kind = CheckKind.Example)]
    public static CheckOutcome OneThread(CheckContext ctx)
    {
        // .NET resumes only the first await of a completed task inline and queues the others to the thread pool, where they
        // would race the driver (the first catch of FAULT-E7-GATEWAY-XID-NOT-ATOMIC once depended on the core count).
        var shared = TwoWaiters(shared: true);
        if (shared.Failure is { } f) return CheckOutcome.Fail($"two waiters of a SharedReply failed the run: {f.GetType().Name}: {f.Message}");
        if (shared.Threads.Count != 4 || shared.Threads.Any(t => t != shared.Driver))
            return CheckOutcome.Fail($"continuations ran on threads [{string.Join(", ", shared.Threads)}], the driver is {shared.Driver}");
        // One task awaited twice: the second waiter is resumed on the pool and asks for its wait there; the guard must fail
        // the run rather than let it end as if nothing happened.
        var plain = TwoWaiters(shared: false);
        if (plain.Failure is not StrayContinuationException)
            return CheckOutcome.Fail(plain.Failure is null ? "a task awaited by two callers ran to completion unnoticed" : $"unexpected failure {plain.Failure.GetType().Name}: {plain.Failure.Message}");
        return CheckOutcome.Pass("two waiters of one reply resume on the driving thread; one task awaited twice fails the run with a stray continuation");
    }
}
