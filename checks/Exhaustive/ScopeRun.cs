using MultiWallet.Checks.Catalog;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Exhaustive;

/// <summary>One embodiment's exhaustive run: how many cases the bound holds (before and after the symmetry reduction), how many ran, what each invariant judged.</summary>
/// <param name="Embodiment">The embodiment.</param>
/// <param name="RawCases">Cases of the space with every renaming of brands counted (wallets are only ever named in registration order).</param>
/// <param name="Cases">Distinct cases within the bound (one per orbit).</param>
/// <param name="Run">Cases executed on the model and the implementation and judged by every applicable invariant.</param>
/// <param name="Seconds">Wall-clock time of the run (reported, never judged).</param>
/// <param name="Invariants">Per invariant: cases judged, classes reached, first violation.</param>
public sealed record ScopeRun(Embodiment Embodiment, long RawCases, long Cases, long Run, double Seconds, IReadOnlyList<ExhaustiveInvariant> Invariants)
{
    /// <summary>Whether every distinct case ran.</summary>
    public bool AllRun => Run == Cases;

    /// <summary>The invariants violated in this embodiment.</summary>
    public IEnumerable<ExhaustiveInvariant> Violated => Invariants.Where(i => i.FirstViolation is not null);
}
