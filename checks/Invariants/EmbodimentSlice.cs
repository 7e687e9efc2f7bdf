namespace MultiWallet.Checks.Invariants;

/// <summary>One embodiment's tally in a <see cref="CampaignSlice"/>.</summary>
public sealed record EmbodimentSlice
{
    /// <summary>The embodiment (E1..E12).</summary>
    public string Embodiment { get; init; } = "";
    /// <summary>Cases folded in.</summary>
    public int Scenarios { get; init; }
    /// <summary>Wall-clock seconds (reporting only).</summary>
    public double Seconds { get; init; }
    /// <summary>The case indices the slice ran, ascending.</summary>
    public IReadOnlyList<int> Cases { get; init; } = [];
    /// <summary>The <see cref="CaseDigest"/> of each of <see cref="Cases"/>, in the same order, lower-case hex.</summary>
    public IReadOnlyList<string> Digests { get; init; } = [];
    /// <summary>One tally per applicable invariant, by ordinal id.</summary>
    public IReadOnlyList<PropertySlice> Properties { get; init; } = [];
    /// <summary>The model's mutation test.</summary>
    public PerturbationSlice Perturbations { get; init; } = new();
    /// <summary>The model's transition coverage.</summary>
    public CoverageSlice Coverage { get; init; } = new();
}
