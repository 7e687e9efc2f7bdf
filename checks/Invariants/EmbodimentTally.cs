using MultiWallet.Model.Machines;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>
/// Everything the campaign keeps of one embodiment's cases: one <see cref="PropertyTally"/> per applicable invariant,
/// the model's mutation test, its transition coverage and a <see cref="CaseDigest"/> per case (by index). No world,
/// trace or run is kept. A worker folds the cases it ran into its own tally; tallies of disjoint case sets merge.
/// </summary>
public sealed class EmbodimentTally
{
    private readonly Dictionary<string, PropertyTally> properties;
    // Shared by the workers of one embodiment, each writing only its own cases' slots.
    private byte[] digests;

    /// <summary>An empty tally for <paramref name="embodiment"/>'s <paramref name="cases"/> cases.</summary>
    public EmbodimentTally(Embodiment embodiment, int cases)
    {
        Embodiment = embodiment;
        digests = new byte[cases * CaseDigest.Length];
        properties = Invariants.AllInvariants.Where(i => i.Applies(embodiment)).ToDictionary(i => i.Id, _ => new PropertyTally(embodiment), StringComparer.Ordinal);
    }

    /// <summary>The embodiment.</summary>
    public Embodiment Embodiment { get; }

    /// <summary>Cases folded in.</summary>
    public int Scenarios { get; private set; }

    /// <summary>Wall-clock seconds the embodiment's cases took (reporting only; no verdict reads it).</summary>
    public double Seconds { get; set; }

    /// <summary>The <see cref="CaseDigest"/> of the case at <paramref name="index"/>, as lower-case hex.</summary>
    public string Digest(int index) => Convert.ToHexStringLower(digests.AsSpan(index * CaseDigest.Length, CaseDigest.Length));

    /// <summary>The model's mutation test over the embodiment's conforming cases.</summary>
    public PerturbationTally Perturbations { get; } = new();

    /// <summary>The model's transition coverage over the embodiment's predictions.</summary>
    public CoverageTally Coverage { get; } = new();

    /// <summary>The tally of an applicable invariant, or null when it does not apply to the embodiment.</summary>
    public PropertyTally? Property(string invariantId) => properties.GetValueOrDefault(invariantId);

    /// <summary>
    /// Folds one executed case in: every applicable invariant judges it (or counts it inconclusive), the perturbations
    /// try it, its digest is recorded and the coverage of the predictions it ran with is added.
    /// </summary>
    public void Observe(Case c, int index, TransitionCoverage? coverage)
    {
        Scenarios++;
        CaseDigest.Write(c, digests.AsSpan(index * CaseDigest.Length, CaseDigest.Length));
        if (coverage is not null) Coverage.Add(coverage);
        foreach (var inv in Invariants.AllInvariants)
        {
            if (properties.GetValueOrDefault(inv.Id) is not { } tally) continue;
            if (c.Inconclusive is not null) { tally.AddInconclusive(index); continue; }
            var seen = new HashSet<string>(StringComparer.Ordinal) { Embodiment.ToString() };
            string? v;
            try { v = inv.Eval(c, seen); }
            catch (Exception ex) { v = $"judging the case threw {ex.GetType().Name}: {ex.Message}"; }
            tally.Add(index, seen, v, () => new PropertyFailure(Embodiment, index, v!, c.Scenario));
        }
        Perturbations.Observe(c, index);
    }

    /// <summary>Adds a worker's tally of the same embodiment (disjoint cases; the digest array is shared).</summary>
    public void Merge(EmbodimentTally other)
    {
        Scenarios += other.Scenarios;
        foreach (var (id, t) in other.properties) properties[id].Merge(t);
        Perturbations.Merge(other.Perturbations);
        Coverage.Merge(other.Coverage);
    }

    /// <summary>The invariant ids with a tally here, in ordinal order (for <see cref="TallyJson"/>).</summary>
    internal IReadOnlyList<string> PropertyIds => [.. properties.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Copies a case's digest in (a merged shard's case, for <see cref="TallyJson"/>).</summary>
    internal void RestoreDigest(int index, ReadOnlySpan<byte> digest) => digest.CopyTo(digests.AsSpan(index * CaseDigest.Length, CaseDigest.Length));

    /// <summary>Restores the number of cases folded in (<see cref="TallyJson"/>).</summary>
    internal void RestoreScenarios(int scenarios) => Scenarios = scenarios;

    /// <summary>A worker's empty tally writing digests into this one's array.</summary>
    public EmbodimentTally Worker() => new(Embodiment, 0) { digests = digests };
}
