using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Invariants;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;
using Inv = MultiWallet.Checks.Invariants.Invariants;

namespace MultiWallet.Checks.Exhaustive;

/// <summary>
/// Runs every case of an exhaustive scope on the model and the implementation (<see cref="Campaign.Execute"/>, the
/// campaign's own per-case execution) and judges it by every invariant that applies (<see cref="Invariant.Eval"/>), on
/// all cores. Cases stream from the lazy enumeration and are dropped once judged: memory holds the tallies and one world
/// per core, whatever the bound. Tallies are sums and the first violation is the least index, so the result does not
/// depend on scheduling.
/// </summary>
public static class ExhaustiveRunner
{
    /// <summary>Runs the scope of <paramref name="e"/> within <paramref name="b"/> in the faithful world (or the one <paramref name="parts"/> builds).</summary>
    public static ScopeRun Run(Embodiment e, ScopeBound b, int seed, EmbodimentWorld.Parts? parts = null)
    {
        var watch = Stopwatch.StartNew();
        var invariants = Inv.AllInvariants.Where(i => i.Applies(e)).ToList();
        var raw = new StrongBox<long>();
        long enumerated = 0, run = 0;
        // The partitioner hands out one case at a time under its own lock, so the index counter needs no other.
        var source = ScopeEnumerator.Cases(e, b, raw).Select(s => (Scenario: s, Index: enumerated++));
        var merged = invariants.Select(i => new InvariantTally(i.Id)).ToArray();
        var gate = new Lock();
        Parallel.ForEach(Partitioner.Create(source, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => (Tallies: invariants.Select(i => new InvariantTally(i.Id)).ToArray(), Run: 0L),
            (item, _, local) =>
            {
                var c = Campaign.Execute(item.Scenario, seed, parts);
                Judge(c, item.Index, invariants, local.Tallies);
                return (local.Tallies, local.Run + 1);
            },
            local =>
            {
                lock (gate)
                {
                    run += local.Run;
                    for (var i = 0; i < merged.Length; i++) merged[i].Add(local.Tallies[i]);
                }
            });
        var results = invariants.Select((inv, i) => Result(inv, merged[i])).ToList();
        return new ScopeRun(e, raw.Value, enumerated, run, watch.Elapsed.TotalSeconds, results);
    }

    /// <summary>Judges one case by each invariant, adding to its tally (a case a wall-clock limit cut short is judged by none).</summary>
    private static void Judge(Case c, long index, IReadOnlyList<Invariant> invariants, InvariantTally[] tallies)
    {
        if (c.Inconclusive is not null) return;
        for (var i = 0; i < invariants.Count; i++)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var v = invariants[i].Eval(c, seen);
            var t = tallies[i];
            t.Judged++;
            foreach (var s in seen) t.Classes[s] = t.Classes.GetValueOrDefault(s) + 1;
            if (v is not null && (t.First is null || index < t.First.Value.Index)) t.First = (index, v, c.Scenario.ToString());
        }
    }

    private static ExhaustiveInvariant Result(Invariant inv, InvariantTally t) =>
        new(inv.Id, t.Judged, t.Classes, [], t.First is { } f ? $"case #{f.Index + 1}: {f.Violation}" : null, t.First?.Case);

    /// <summary>The tallies of one invariant over several embodiments, with the required classes no case reached.</summary>
    public static ExhaustiveInvariant Merge(Invariant inv, IEnumerable<(Embodiment E, ExhaustiveInvariant R)> rows)
    {
        var list = rows.ToList();
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, r) in list) foreach (var (k, v) in r.Classes) classes[k] = classes.GetValueOrDefault(k) + v;
        var first = list.FirstOrDefault(x => x.R.FirstViolation is not null);
        return new ExhaustiveInvariant(inv.Id, list.Sum(x => x.R.Judged), classes, [.. inv.Required.Where(r => !classes.ContainsKey(r))],
            first.R is null ? null : $"{first.E} {first.R.FirstViolation}", first.R?.Counterexample);
    }
}
