using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>Result of running one invariant over the shared executions.</summary>
public sealed record InvariantRun(Invariant Invariant, bool Violated, int CasesToDetect, Embodiment? Embodiment, string? Violation, string? Counterexample, int CounterexampleSize, string? Replay,
    Dictionary<string, int> Classes, int Cases, double Seconds)
{
    /// <summary>The shrunk counterexample as a scenario, when violated.</summary>
    public Generators.GeneratedScenario? Scenario { get; init; }
}
