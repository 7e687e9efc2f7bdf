using MultiWallet.Impl.Protocol;

namespace MultiWallet.Impl.Routing;

/// <summary>
/// What a routing strategy decided for one wake-up: an ordered list of candidate wallets with the reason,
/// or a refusal. <see cref="Exclusive"/> plans (the user's own pick, a typed address) allow exactly one
/// wallet: if it does not answer the result is WalletUnreachable. Non-exclusive plans (routing knowledge)
/// skip a wallet that does not answer and try the next; all skipped means NoCapableWallet
/// (docs/DECISIONS.md "Unreachable while routing").
/// </summary>
public sealed record RoutingPlan(IReadOnlyList<string> Candidates, bool Exclusive, string Reason, Refused? Refusal)
{
    /// <summary>
    /// E10 only: the candidate is an address the user typed, so "no party at that address" is the user's
    /// error (UnknownAddress), not a wallet that is down. Everywhere else a name that does not resolve is
    /// treated as an unreachable wallet (the routing knowledge is what is wrong).
    /// </summary>
    public bool TypedAddress { get; init; }

    /// <summary>Exactly this wallet (the user's pick, a typed address).</summary>
    public static RoutingPlan Only(string wallet, string reason) => new([wallet], true, reason, null);

    /// <summary>These wallets in order, skipping unreachable ones; none is NoCapableWallet with <paramref name="reason"/>.</summary>
    public static RoutingPlan FirstReachable(IReadOnlyList<string> candidates, string reason) =>
        candidates.Count == 0 ? Refuse(Refused.Because(RefusalReason.NoCapableWallet, null, reason)) : new(candidates, false, reason, null);

    /// <summary>No wallet: the refusal.</summary>
    public static RoutingPlan Refuse(Refused r) => new([], true, r.Cause, r);
}
