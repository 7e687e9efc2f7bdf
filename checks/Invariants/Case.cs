using MultiWallet.Checks.Bridge;
using MultiWallet.Checks.Generators;
using MultiWallet.Model.Machines;

namespace MultiWallet.Checks.Invariants;

/// <summary>One executed case: the scenario and its run (or the exception the run threw).</summary>
public sealed record Case(GeneratedScenario Scenario, ConformanceResult? Result, string? Crash)
{
    /// <summary>The perturbations the faithful prediction asked about, when the run recorded them (the shared campaign does); null: unknown.</summary>
    public PerturbationQueries? AskedPerturbations { get; init; }

    /// <summary>Why the case is excluded from every invariant's judgement (a wall-clock limit over HTTP fired), or null.</summary>
    public string? Inconclusive => Result?.Inconclusive;
}
