using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Traces.Scenarios;

/// <summary>A running scenario: the world, the embodiment built on it, the scripted user.</summary>
public sealed class ScenarioRun
{
    internal ScenarioRun(Scenario s, WorldTransport transport)
    {
        Scenario = s;
        World = new PaymentWorld(Scenario.Seed, transport: transport);
        User = new ScriptedUser(s.Answers);
        Embodiment = EmbodimentWorld.Build(World, s.Topology, User);
    }

    public Scenario Scenario { get; }
    public PaymentWorld World { get; }
    public ScriptedUser User { get; }
    public EmbodimentWorld Embodiment { get; }
}

/// <summary>What one wake-up did: its step, its outcome, the trace events it produced (1-based, inclusive).</summary>
public sealed record WakeUpResult(int Index, WakeUpStep Step, PaymentOutcome Outcome, int FirstSeq, int LastSeq, IReadOnlyList<TraceEvent> Events);

/// <summary>The result of a scenario: per wake-up results, the whole trace, the gateway's authorization count.</summary>
public sealed record ScenarioResult(Scenario Scenario, IReadOnlyList<WakeUpResult> WakeUps, TraceLog Trace, int Authorizations)
{
    /// <summary>Every way the run differs from the hand-written expectations (empty = as expected).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var w in WakeUps)
        {
            if (w.Step.Expect.Mismatch(w.Outcome) is { } m) problems.Add($"wake-up {w.Index} ({w.Step.LidM}, {w.Step.Brand}): {m}");
            if (w.Step.Expect.BeforePInitReq && w.Events.OfType<MessageEvent>().Any(e => e.Kind == PInitReq.Kind))
                problems.Add($"wake-up {w.Index} ({w.Step.LidM}): refused with {w.Step.Expect.Reason} but a PInitReq was sent");
        }
        if (Authorizations != Scenario.ExpectedAuthorizations)
            problems.Add($"gateway authorized {Authorizations} times, expected {Scenario.ExpectedAuthorizations}");
        return problems;
    }
}

/// <summary>Runs a scenario deterministically (fixed seed; in-memory network unless told otherwise).</summary>
public static class ScenarioRunner
{
    public static ScenarioResult Run(Scenario s, WorldTransport transport = WorldTransport.InMemory)
    {
        var run = new ScenarioRun(s, transport);
        try { return Run(run); }
        finally { run.World.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }

    private static ScenarioResult Run(ScenarioRun run)
    {
        var s = run.Scenario;
        var wakeUps = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var results = new List<WakeUpResult>();
        var i = 0;
        foreach (var step in s.WakeUps)
        {
            i++;
            var bookmark = run.World.Trace.Count;
            step.Before?.Invoke(run);
            var bytes = step.RawWakeUp?.Invoke();
            if (bytes is null && !wakeUps.TryGetValue(step.LidM, out bytes)) wakeUps[step.LidM] = bytes = run.World.WakeUp(step.LidM, step.Brand);
            var entry = step.Via?.Invoke(run) ?? run.Embodiment.Entry;
            var outcome = entry.PayAsync(bytes).GetAwaiter().GetResult();
            var events = run.World.Trace.Since(bookmark);
            results.Add(new WakeUpResult(i, step, outcome, bookmark + 1, bookmark + events.Count, events));
        }
        return new ScenarioResult(s, results, run.World.Trace, run.World.Gateway.TotalAuthorizations);
    }
}
