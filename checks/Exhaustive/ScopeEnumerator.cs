using System.Runtime.CompilerServices;
using MultiWallet.Checks.Generators;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Exhaustive;

/// <summary>
/// The exhaustive scope of one embodiment: the canonical representative of every orbit of <see cref="ScopeSpace"/>
/// under <see cref="Symmetry"/>, lazily and in the space's order, so a run streams its cases and keeps none.
/// </summary>
public static class ScopeEnumerator
{
    /// <summary>The distinct cases of <paramref name="e"/> within <paramref name="b"/>; <paramref name="raw"/>, when given, counts the cases of the space before the reduction.</summary>
    public static IEnumerable<GeneratedScenario> Cases(Embodiment e, ScopeBound b, StrongBox<long>? raw = null) =>
        b.Layers.SelectMany(l => Cases(e, l, raw));

    /// <summary>The distinct cases of one layer.</summary>
    public static IEnumerable<GeneratedScenario> Cases(Embodiment e, ScopeLayer b, StrongBox<long>? raw = null)
    {
        var domain = ScopeSpace.Domain(b);
        foreach (var s in ScopeSpace.Raw(e, b))
        {
            if (raw is not null) raw.Value++;
            if (Symmetry.IsCanonical(s, domain)) yield return s;
        }
    }
}
