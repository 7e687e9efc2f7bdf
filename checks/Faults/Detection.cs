namespace MultiWallet.Checks.Faults;

/// <summary>How (and whether) the invariant suite caught one seeded fault.</summary>
public sealed record Detection(SeededFault Fault, bool Detected, string? DetectedBy, int CasesToDetect, string? Violation, string? Counterexample, int CounterexampleSize, int CasesRun)
{
    /// <summary>The shrunk counterexample as a scenario in the fault's world, when detected.</summary>
    public Catalog.CounterexampleScenario? Scenario { get; init; }

    /// <summary>What the detection's computation logged, in order (replayed into every check that asks for it).</summary>
    public IReadOnlyList<string> Log { get; init; } = [];
}
