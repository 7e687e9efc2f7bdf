using MultiWallet.Audit.Scenarios;
using MultiWallet.Checks.Bridge;
using MultiWallet.Model.Prediction;

namespace MultiWallet.Audit.Commands;

/// <summary>Runs a parsed scenario: the model's prediction, and the implementation through the bridge when available.</summary>
public static class ScenarioExecution
{
    /// <summary>One report per step, and a line saying what ran.</summary>
    public static (IReadOnlyList<WakeUpReport> Reports, string Mode) Run(ScenarioDocument sc, int seed)
    {
        var result = ConformanceRunner.Run(sc.Topology, sc.User, sc.Steps, seed);
        var reports = result.WakeUps.Select(WakeUpReport.FromBridge).ToList();
        // A hang ends the run: its step is reported as a disagreement naming the blocked wait, found on virtual time.
        if (result.Hang is { } hang)
        {
            var predicted = Predictor.Predict(sc.Topology, sc.User, sc.Steps).First(p => p.StepIndex == hang.StepIndex);
            reports.Add(new WakeUpReport(hang.StepIndex, hang.Step.ToString(), "Hang", null, null, [], false, hang.Divergence,
                predicted.Events.Select(e => e.ToString()).ToList(), ModelOutcome: predicted.Outcome.ToString()));
        }
        return (reports, "implementation (in-memory, virtual time, real cryptography) against the model");
    }
}
