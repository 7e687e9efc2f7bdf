using System.Collections.Concurrent;
using Stateless.Reflection;

namespace MultiWallet.Model.Machines;

/// <summary>
/// The declared transitions of a machine class, read from Stateless' reflection once per class and perturbation
/// rather than once per machine built: every prediction builds its machines afresh, and GetInfo() walks the whole
/// configuration each time. A class's configuration depends only on the perturbation (e.g. the MSW's erase step),
/// never on what the instance was built with, so the two make the key.
/// </summary>
public static class DeclaredTransitions
{
    /// <summary>One declared transition, without the machine's instance name.</summary>
    public sealed record Edge(string Source, string Trigger, string Destination);

    private static readonly ConcurrentDictionary<(Type, Perturbation?), IReadOnlyList<Edge>> Cache = new();

    /// <summary>The edges of <paramref name="machine"/>'s class under <paramref name="perturbation"/>, <paramref name="info"/> read only the first time.</summary>
    public static IReadOnlyList<Edge> Of(Type machine, Perturbation? perturbation, Func<StateMachineInfo> info) =>
        Cache.GetOrAdd((machine, perturbation), _ => [.. ModelGraphInfo.Transitions("", info()).Select(t => new Edge(t.Source, t.Trigger, t.Destination))]);
}
