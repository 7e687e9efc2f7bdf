namespace MultiWallet.Checks.Invariants;

/// <summary>The invariants of SPEC.md §3: every <see cref="Invariant"/> subclass of this assembly, in their order.</summary>
public static class Invariants
{
    /// <summary>Every invariant, ordered by <see cref="Invariant.Order"/>.</summary>
    public static readonly IReadOnlyList<Invariant> AllInvariants = typeof(Invariant).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Invariant)) && !t.IsAbstract)
        .Select(t => (Invariant)Activator.CreateInstance(t, nonPublic: true)!)
        .OrderBy(i => i.Order)
        .ToList();
}
