namespace MultiWallet.Model.Machines;

/// <summary>
/// Collects, across any number of predictions, every declared transition (from GetInfo(), through <see cref="DeclaredTransitions"/>) and how often
/// each fired (from OnTransitioned). <see cref="Unfired"/> is what no prediction has exercised yet.
/// Not thread-safe, like the machines.
/// </summary>
public sealed class TransitionCoverage
{
    private readonly SortedDictionary<string, (TransitionKey Key, int Count)> counts = new(StringComparer.Ordinal);
    // Machine names whose edges are declared already, with the edge list (one shared object per class and perturbation):
    // a prediction builds the same machines again and again, and declaring them again adds nothing.
    private readonly HashSet<(string, IReadOnlyList<DeclaredTransitions.Edge>)> declared = new(new DeclaredComparer());

    /// <summary>Declares a machine's edges as <see cref="DeclaredTransitions"/> gives them (once per name and edge list).</summary>
    public void Declare(string machine, IReadOnlyList<DeclaredTransitions.Edge> edges)
    {
        if (!declared.Add((machine, edges))) return;
        foreach (var e in edges)
        {
            var t = new TransitionKey(machine, e.Source, e.Trigger, e.Destination);
            counts.TryAdd(t.ToString(), (t, 0));
        }
    }

    private sealed class DeclaredComparer : IEqualityComparer<(string, IReadOnlyList<DeclaredTransitions.Edge>)>
    {
        public bool Equals((string, IReadOnlyList<DeclaredTransitions.Edge>) x, (string, IReadOnlyList<DeclaredTransitions.Edge>) y) =>
            string.Equals(x.Item1, y.Item1, StringComparison.Ordinal) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((string, IReadOnlyList<DeclaredTransitions.Edge>) obj) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.Item1), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item2));
    }

    public void Fired(TransitionKey key)
    {
        var k = key.ToString();
        counts[k] = counts.TryGetValue(k, out var v) ? (v.Key, v.Count + 1) : (key, 1);
    }

    public IReadOnlyList<(TransitionKey Transition, int Count)> Counts => counts.Values.Select(v => (v.Key, v.Count)).ToList();
    public IReadOnlyList<TransitionKey> Unfired() => counts.Values.Where(v => v.Count == 0).Select(v => v.Key).ToList();
    public int Declared => counts.Count;
}
