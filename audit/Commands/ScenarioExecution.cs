using MultiWallet.Audit.Scenarios;
using MultiWallet.Checks.Bridge;

namespace MultiWallet.Audit.Commands;

/// <summary>Runs a parsed scenario: the model's prediction, and the implementation through the bridge when available.</summary>
public static class ScenarioExecution
{
    /// <summary>One report per step, and a line saying what ran.</summary>
    public static (IReadOnlyList<WakeUpReport> Reports, string Mode) Run(ScenarioDocument sc, int seed)
    {
        var result = ConformanceRunner.Run(sc.Topology, sc.User, sc.Steps, seed);
        return (result.WakeUps.Select(WakeUpReport.FromBridge).ToList(), "implementation (in-memory, real cryptography) against the model");
    }
}
