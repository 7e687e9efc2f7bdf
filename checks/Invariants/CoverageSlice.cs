namespace MultiWallet.Checks.Invariants;

/// <summary>A <see cref="CoverageTally"/> in a slice.</summary>
public sealed record CoverageSlice
{
    /// <summary>Predictions added.</summary>
    public int Predictions { get; init; }
    /// <summary>Every declared transition with its count.</summary>
    public IReadOnlyList<TransitionSlice> Transitions { get; init; } = [];
}
