using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>
/// What one invariant saw over one embodiment's cases, folded case by case: judged cases, inconclusive cases (by
/// index, to count the cases before a failure), classes and the first failure by case index. Tallies of disjoint
/// case sets merge associatively and commutatively (<see cref="Merge"/>), so the order cases ran in never shows.
/// </summary>
public sealed class PropertyTally(Embodiment embodiment)
{
    private readonly List<int> inconclusive = [];

    /// <summary>The embodiment the tally covers.</summary>
    public Embodiment Embodiment { get; } = embodiment;

    /// <summary>Conclusive cases the invariant judged.</summary>
    public int Cases { get; private set; }

    /// <summary>Cases a wall-clock limit cut short (judged by no invariant).</summary>
    public int Inconclusive => inconclusive.Count;

    /// <summary>How many judged cases showed each class, in ordinal order (so the order workers or shards merged in never shows in the evidence).</summary>
    public SortedDictionary<string, int> Classes { get; } = new(StringComparer.Ordinal);

    /// <summary>The first violating case by index, or null.</summary>
    public PropertyFailure? Failure { get; private set; }

    /// <summary>Counts an inconclusive case.</summary>
    public void AddInconclusive(int index) => inconclusive.Add(index);

    /// <summary>Counts a judged case with the classes it showed and its violation (null when it held).</summary>
    public void Add(int index, IEnumerable<string> classes, string? violation, Func<PropertyFailure> failure)
    {
        Cases++;
        foreach (var c in classes) Classes[c] = Classes.GetValueOrDefault(c) + 1;
        if (violation is not null && (Failure is null || index < Failure.Index)) Failure = failure();
    }

    /// <summary>Adds another tally of the same embodiment over a disjoint set of cases.</summary>
    public void Merge(PropertyTally other)
    {
        if (other.Embodiment != Embodiment) throw new ArgumentException($"cannot merge {other.Embodiment} into {Embodiment}", nameof(other));
        Cases += other.Cases;
        inconclusive.AddRange(other.inconclusive);
        foreach (var (k, v) in other.Classes) Classes[k] = Classes.GetValueOrDefault(k) + v;
        Failure = PropertyFailure.First(Failure, other.Failure);
    }

    /// <summary>The indices of the inconclusive cases, ascending (for serializing a shard's tally: <see cref="TallyJson"/>).</summary>
    internal IReadOnlyList<int> InconclusiveIndices => [.. inconclusive.Order()];

    /// <summary>Restores a serialized tally's judged-case count and first failure (classes and inconclusive cases are added directly).</summary>
    internal void Restore(int cases, IEnumerable<int> inconclusiveIndices, PropertyFailure? failure)
    {
        Cases = cases;
        inconclusive.AddRange(inconclusiveIndices);
        Failure = failure;
    }

    /// <summary>Judged cases with an index below the failure's: the 1-based position at which the failure was detected.</summary>
    public int CasesToDetect => Failure is null ? Cases : Failure.Index + 1 - inconclusive.Count(i => i < Failure.Index);
}
