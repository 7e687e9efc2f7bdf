using MultiWallet.Model.Machines;

namespace MultiWallet.Checks.Invariants;

/// <summary>
/// Transition coverage of the model summed over many predictions. <see cref="TransitionCoverage"/> is not
/// thread-safe, so each case predicts with its own and is added here; sums merge associatively.
/// </summary>
public sealed class CoverageTally
{
    private readonly SortedDictionary<string, (TransitionKey Key, int Count)> counts = new(StringComparer.Ordinal);

    /// <summary>Predictions whose coverage was added.</summary>
    public int Predictions { get; private set; }

    /// <summary>Adds one prediction's coverage (declared transitions with their counts, fired or not).</summary>
    public void Add(TransitionCoverage coverage)
    {
        Predictions++;
        foreach (var (key, n) in coverage.Counts) Add(key, n);
    }

    /// <summary>Adds another tally.</summary>
    public void Merge(CoverageTally other)
    {
        Predictions += other.Predictions;
        foreach (var (key, n) in other.counts.Values) Add(key, n);
    }

    /// <summary>Restores a serialized tally (<see cref="TallyJson"/>): its predictions and every declared transition's count.</summary>
    internal void Restore(int predictions, IEnumerable<(TransitionKey Key, int Count)> counts)
    {
        Predictions = predictions;
        foreach (var (key, n) in counts) Add(key, n);
    }

    private void Add(TransitionKey key, int n)
    {
        var k = key.ToString();
        counts[k] = counts.TryGetValue(k, out var v) ? (v.Key, v.Count + n) : (key, n);
    }

    /// <summary>Every declared transition with how often it fired, by name.</summary>
    public IReadOnlyList<(TransitionKey Transition, int Count)> Counts => [.. counts.Values.Select(v => (v.Key, v.Count))];

    /// <summary>Declared transitions no prediction fired.</summary>
    public IReadOnlyList<TransitionKey> Unfired() => [.. counts.Values.Where(v => v.Count == 0).Select(v => v.Key)];

    /// <summary>How many transitions were declared.</summary>
    public int Declared => counts.Count;
}
