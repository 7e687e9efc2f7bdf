namespace MultiWallet.Checks.Invariants;

/// <summary>A first failure: its case index and what the invariant reported.</summary>
public sealed record FailureSlice
{
    /// <summary>The case index in the embodiment's sequence.</summary>
    public int Index { get; init; }
    /// <summary>The violation.</summary>
    public string Violation { get; init; } = "";
}
