namespace MultiWallet.Checks.Catalog;

/// <summary>
/// The evidence of an exhaustive small-scope run (`verify --exhaustive`, or the small bound otherwise): the bound in
/// words, how many distinct cases it holds per embodiment, that all of them ran, and what each invariant judged over
/// them. "All <see cref="Cases"/> cases within bound <see cref="Bound"/> were checked" holds when <see cref="AllRun"/>.
/// </summary>
/// <param name="Bound">The bound, as docs/DECISIONS.md ("Exhaustive scopes") states it.</param>
/// <param name="Seed">The seed the worlds (keys, nonces) derive from; the cases themselves do not depend on it.</param>
/// <param name="Cases">Distinct cases within the bound, over every embodiment.</param>
/// <param name="Run">Cases run on the model and the implementation and judged.</param>
/// <param name="Seconds">Wall-clock time of the whole run (reported, never judged).</param>
/// <param name="Embodiments">Per embodiment: cases before and after the symmetry reduction, cases run, time.</param>
/// <param name="Invariants">Per invariant, over every embodiment it applies to: cases judged, classes reached, first violation.</param>
public sealed record ExhaustiveEvidence(string Bound, int Seed, long Cases, long Run, double Seconds,
    IReadOnlyList<ExhaustiveEmbodiment> Embodiments, IReadOnlyList<ExhaustiveInvariant> Invariants) : IEvidence
{
    /// <summary>Whether every distinct case within the bound ran.</summary>
    public bool AllRun => Run == Cases && Embodiments.All(e => e.Run == e.Cases);
}
