using Stateless.Reflection;

namespace MultiWallet.Model.Machines;

/// <summary>
/// Collects, across any number of predictions, every declared transition (from GetInfo()) and how often
/// each fired (from OnTransitioned). <see cref="Unfired"/> is what no prediction has exercised yet.
/// Not thread-safe, like the machines.
/// </summary>
public sealed class TransitionCoverage
{
    private readonly SortedDictionary<string, (TransitionKey Key, int Count)> counts = new(StringComparer.Ordinal);

    public void Declare(string machine, StateMachineInfo info)
    {
        foreach (var t in ModelGraphInfo.Transitions(machine, info))
            counts.TryAdd(t.ToString(), (t, 0));
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
