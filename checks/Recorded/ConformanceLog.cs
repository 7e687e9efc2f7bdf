using MultiWallet.Checks.Bridge;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Recorded;

/// <summary>
/// Writes one run of the conformance runner (a generated case of the campaign, a scenario file) as a recorded trace: its
/// header (topology, user script, the world's SET root and clock), then every step in order, each wake-up with the events
/// the implementation recorded for it, the PReq bodies as sent, and its outcome. This is what `verify --trace-log` writes.
/// </summary>
public static class ConformanceLog
{
    /// <summary>
    /// Writes <paramref name="run"/> as case <paramref name="id"/>; false (nothing written) when the run is inconclusive.
    /// A run that stopped at a hang is written up to the step before it (the hung wake-up has no trace to show).
    /// </summary>
    public static bool Write(TraceLogWriter writer, string id, string source, ConformanceResult run)
    {
        if (run.Inconclusive is not null) return false;
        var world = run.Built.World;
        writer.Case(id, source, run.Topology, run.Script, Observed.All, world.Pki.Root.GetEncoded(), MultiWallet.Impl.Crypto.FixedClock.Epoch);
        var wakes = run.WakeUps.ToDictionary(w => w.StepIndex);
        var end = run.Hang?.StepIndex ?? run.Steps.Count;
        for (var i = 0; i < end; i++)
        {
            var step = run.Steps[i];
            if (step is Step.WakeUp or Step.Replay)
            {
                if (!wakes.TryGetValue(i, out var w)) break;
                writer.WakeUp(i, w.Wake, step is Step.Replay, w.Events, w.Raw, w.Facts.Requests);
            }
            else writer.Step(i, step);
        }
        return true;
    }
}
