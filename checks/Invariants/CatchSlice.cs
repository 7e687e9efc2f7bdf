namespace MultiWallet.Checks.Invariants;

/// <summary>One perturbation's catches: how many, and the first catching case with its example.</summary>
public sealed record CatchSlice
{
    /// <summary>The perturbation's name.</summary>
    public string Name { get; init; } = "";
    /// <summary>Conforming cases it was caught on.</summary>
    public int Caught { get; init; }
    /// <summary>The lowest catching case index.</summary>
    public int Index { get; init; }
    /// <summary>That case's readable example.</summary>
    public string? Example { get; init; }
}
