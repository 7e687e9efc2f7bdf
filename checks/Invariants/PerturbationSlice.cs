namespace MultiWallet.Checks.Invariants;

/// <summary>A <see cref="PerturbationTally"/> in a slice.</summary>
public sealed record PerturbationSlice
{
    /// <summary>Conforming, conclusive cases every perturbation was tried on.</summary>
    public int Conforming { get; init; }
    /// <summary>The perturbations caught at least once.</summary>
    public IReadOnlyList<CatchSlice> Catches { get; init; } = [];
}
