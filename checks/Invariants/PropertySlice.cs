namespace MultiWallet.Checks.Invariants;

/// <summary>One invariant's <see cref="PropertyTally"/> in a slice.</summary>
public sealed record PropertySlice
{
    /// <summary>The invariant id.</summary>
    public string Invariant { get; init; } = "";
    /// <summary>Conclusive cases judged.</summary>
    public int Cases { get; init; }
    /// <summary>Indices of the inconclusive cases.</summary>
    public IReadOnlyList<int> Inconclusive { get; init; } = [];
    /// <summary>Cases per class.</summary>
    public SortedDictionary<string, int> Classes { get; init; } = new(StringComparer.Ordinal);
    /// <summary>The slice's first violating case, or null.</summary>
    public FailureSlice? Failure { get; init; }
}
