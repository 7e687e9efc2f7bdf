using MultiWallet.Impl.Protocol;

namespace MultiWallet.Impl.Client.Selection;

/// <summary>
/// What a routing strategy decided for one wake-up: an ordered list of candidate wallets with the reason,
/// or a refusal. <see cref="Exclusive"/> plans (the user's own pick, a typed address) allow exactly one
/// wallet: if it does not answer the result is WalletUnreachable. Non-exclusive plans (routing knowledge)
/// skip a wallet that does not answer and try the next; all skipped means NoCapableWallet
/// (docs/DECISIONS.md "Unreachable while routing").
/// </summary>
public sealed record RoutingPlan(IReadOnlyList<string> Candidates, bool Exclusive, string Reason, Refused? Refusal)
{
    public static RoutingPlan Only(string wallet, string reason) => new([wallet], true, reason, null);

    public static RoutingPlan FirstReachable(IReadOnlyList<string> candidates, string reason) =>
        candidates.Count == 0 ? Refuse(Refused.Because(RefusalReason.NoCapableWallet, null, reason)) : new(candidates, false, reason, null);

    public static RoutingPlan Refuse(Refused r) => new([], true, r.Cause, r);
}
