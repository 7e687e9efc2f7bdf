using Stateless.Reflection;

namespace MultiWallet.Model.Machines;

/// <summary>One declared transition of a machine, as GetInfo() reports it.</summary>
public sealed record TransitionKey(string Machine, string Source, string Trigger, string Destination)
{
    public override string ToString() => $"{Machine}: {Source} --{Trigger}--> {Destination}";
}

/// <summary>
/// Collects, across any number of predictions, every declared transition (from GetInfo()) and how often
/// each fired (from OnTransitioned). <see cref="Unfired"/> is what no prediction has exercised yet.
/// Not thread-safe, like the machines.
/// </summary>
public sealed class TransitionCoverage
{
    private readonly SortedDictionary<string, (TransitionKey Key, int Count)> _counts = new(StringComparer.Ordinal);

    public void Declare(string machine, StateMachineInfo info)
    {
        foreach (var t in ModelGraphInfo.Transitions(machine, info))
            _counts.TryAdd(t.ToString(), (t, 0));
    }

    public void Fired(TransitionKey key)
    {
        var k = key.ToString();
        _counts[k] = _counts.TryGetValue(k, out var v) ? (v.Key, v.Count + 1) : (key, 1);
    }

    public IReadOnlyList<(TransitionKey Transition, int Count)> Counts => _counts.Values.Select(v => (v.Key, v.Count)).ToList();
    public IReadOnlyList<TransitionKey> Unfired() => _counts.Values.Where(v => v.Count == 0).Select(v => v.Key).ToList();
    public int Declared => _counts.Count;
}

/// <summary>Reads the declared transitions and reachability out of Stateless' reflection info.</summary>
public static class ModelGraphInfo
{
    public static IEnumerable<TransitionKey> Transitions(string machine, StateMachineInfo info) =>
        info.States.SelectMany(s => s.FixedTransitions.Select(t =>
            new TransitionKey(machine, s.UnderlyingState.ToString()!, t.Trigger.UnderlyingTrigger.ToString()!, t.DestinationState.UnderlyingState.ToString()!)));

    /// <summary>States not reachable from the initial state along declared transitions (guards ignored).</summary>
    public static IReadOnlyList<string> Unreachable(StateMachineInfo info, string initialState)
    {
        // info.InitialState is not always filled in by Stateless' reflection, so the caller names it.
        var byName = info.States.ToDictionary(s => s.UnderlyingState.ToString()!);
        var seen = new HashSet<string> { initialState };
        var queue = new Queue<StateInfo>([byName[initialState]]);
        while (queue.Count > 0)
            foreach (var t in queue.Dequeue().FixedTransitions)
                if (seen.Add(t.DestinationState.UnderlyingState.ToString()!))
                    queue.Enqueue(byName[t.DestinationState.UnderlyingState.ToString()!]);
        return byName.Keys.Where(n => !seen.Contains(n)).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }
}
