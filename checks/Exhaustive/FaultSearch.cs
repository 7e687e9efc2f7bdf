using MultiWallet.Checks.Faults;
using MultiWallet.Checks.Invariants;
using Inv = MultiWallet.Checks.Invariants.Invariants;

namespace MultiWallet.Checks.Exhaustive;

/// <summary>
/// Runs an exhaustive scope against a seeded fault's world (<see cref="SeededFault.Parts"/>) in enumeration order, in
/// parallel batches, until the first case that catches it — by the rule the fault campaign uses: an invariant violated in
/// the faulty world and not on the same case in the faithful one. The index found does not depend on scheduling.
/// </summary>
public static class FaultSearch
{
    /// <summary>The 1-based index of the first case of <paramref name="b"/> that catches <paramref name="f"/> (null if none), the cases run, and the invariants that caught it.</summary>
    public static (long? FirstCase, long CasesRun, string? DetectedBy) FirstCatch(SeededFault f, ScopeBound b, int seed)
    {
        var invariants = Inv.AllInvariants.Where(i => i.Applies(f.Embodiment)).ToList();
        var batch = Environment.ProcessorCount * 4;
        long index = 0;
        foreach (var chunk in ScopeEnumerator.Cases(f.Embodiment, b).Chunk(batch))
        {
            var faulty = chunk.AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount)
                .Select(s => Campaign.Execute(s, seed, f.Parts)).ToList();
            foreach (var c in faulty)
            {
                index++;
                var violated = invariants.Where(i => i.Eval(c, new HashSet<string>()) is not null).ToList();
                if (violated.Count == 0) continue;
                var faithful = Campaign.Execute(c.Scenario, seed, null);
                var caught = violated.Where(i => i.Eval(faithful, new HashSet<string>()) is null).ToList();
                if (caught.Count > 0) return (index, index, string.Join(", ", caught.Select(i => "PROP-" + i.Id)));
            }
        }
        return (null, index, null);
    }
}
