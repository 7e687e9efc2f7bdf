namespace MultiWallet.Impl.Routing;

/// <summary>
/// A routing strategy that routes on knowledge it holds as configuration (the selector's table, the MSW's brand or SSW
/// information), which the operator may replace between wake-ups: the next wake-up routes on the new knowledge.
/// </summary>
public interface IReplaceableKnowledge
{
    /// <summary>
    /// Replaces the held knowledge; a strategy reads the part of its own kind (<paramref name="table"/>: wallet → brands in
    /// registration order; <paramref name="ssws"/>: SSW names) and returns false when it holds none (it routes on what it is sent).
    /// </summary>
    bool Replace(IReadOnlyList<(string Wallet, IReadOnlySet<string> Brands)> table, IReadOnlyList<string> ssws);
}
