using Stateless.Reflection;

namespace MultiWallet.Model.Machines;

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
