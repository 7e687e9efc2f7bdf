using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Traces.Scenarios;

/// <summary>Runs a scenario deterministically (fixed seed; in-memory network unless told otherwise).</summary>
public static class TraceScenarioRunner
{
    public static TraceScenarioResult Run(TraceScenario s, WorldTransport transport = WorldTransport.InMemory)
    {
        var run = new TraceScenarioRun(s, transport);
        try { return Run(run); }
        finally { run.World.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }

    private static TraceScenarioResult Run(TraceScenarioRun run)
    {
        var s = run.Scenario;
        var wakeUps = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var results = new List<TraceWakeUpResult>();
        var i = 0;
        foreach (var step in s.WakeUps)
        {
            i++;
            var bookmark = run.World.Trace.Count;
            step.Before?.Invoke(run);
            var bytes = step.RawWakeUp?.Invoke();
            if (bytes is null && !wakeUps.TryGetValue(step.LidM, out bytes)) wakeUps[step.LidM] = bytes = run.World.WakeUp(step.LidM, step.Brand);
            var entry = step.Via?.Invoke(run) ?? run.Embodiment.Entry;
            var outcome = run.World.Run(ct => entry.PayAsync(bytes, ct)); // on the world's time: a delayed answer waits its hop's bounded wait
            var events = run.World.Trace.Since(bookmark);
            results.Add(new TraceWakeUpResult(i, step, outcome, bookmark + 1, bookmark + events.Count, events));
        }
        return new TraceScenarioResult(s, results, run.World.Trace, run.World.Gateway.TotalAuthorizations) { Refusals = run.World.Wire.RefusalsFired };
    }
}
