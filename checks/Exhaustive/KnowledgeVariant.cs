namespace MultiWallet.Checks.Exhaustive;

/// <summary>
/// What the routing knowledge an embodiment reads says, in the small domain the exhaustive scope enumerates instead of
/// every subset: all entries agree with what the wallets hold, or the first registered wallet's entry is out of date, or
/// it lies. <see cref="ScopeSpace"/> says what each means for each kind of knowledge.
/// </summary>
public enum KnowledgeVariant
{
    /// <summary>The knowledge says exactly what every wallet holds (a SSW list names every slave).</summary>
    Accurate,
    /// <summary>The first wallet's entry lists exactly the brands it does not hold (a SSW list omits it: registered since).</summary>
    Stale,
    /// <summary>The first wallet's entry claims every brand of the bound (a SSW list also names a slave that does not exist); left out where the claim is what it holds (all) or what <see cref="Stale"/> says (none).</summary>
    Lying,
}
