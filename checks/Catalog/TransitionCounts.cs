namespace MultiWallet.Checks.Catalog;

/// <summary>Every declared transition of the model's machines with how often it fired over one run.</summary>
/// <param name="Run">What the transitions were counted over.</param>
/// <param name="Counts">One row per declared transition, in declaration order.</param>
public sealed record TransitionCounts(TransitionRun Run, IReadOnlyList<TransitionCount> Counts) : IEvidence;
