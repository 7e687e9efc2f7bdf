using MultiWallet.Checks.Bridge;

namespace MultiWallet.Checks.Attacks;

/// <summary>
/// INV-AGREEMENT (injective): every authorization that stands at the gateway is for an order the user's wallet ran, with
/// the merchant, brand and amount the user was offered and the merchant holds, at most one per order; every purchase the
/// user was told is paid has that authorization, with the XID the merchant holds and the brand the user asked for.
/// </summary>
public sealed class AgreementAttackInvariant : AttackInvariant
{
    /// <inheritdoc/>
    public override string CheckId => "PROP-INV-AGREEMENT";
    /// <inheritdoc/>
    public override string Title => "generated attacks: every authorization matches exactly one purchase the user's wallet ran; wallet, merchant and gateway agree on order, XID, brand, amount and merchant (concurrent duplicates included)";
    /// <inheritdoc/>
    public override IReadOnlyList<string> Requirements => ["INV-AGREEMENT", "INV-ONCE"];
    /// <inheritdoc/>
    public override IReadOnlyList<string> RequiredFor(int perEmbodiment) =>
        perEmbodiment >= 50 ? ["authorized", "authorized-under-attack", "substitute", "concurrent"] : ["authorized", "authorized-under-attack", "substitute"];

    /// <inheritdoc/>
    public override string? Eval(AttackRun run, ICollection<string> classes)
    {
        if (run.Authorizations.Count > 0)
        {
            classes.Add("authorized");
            if (run.Tried.Count > 0) classes.Add("authorized-under-attack");
        }
        if (Fired(run, AttackKind.Substitute)) classes.Add("substitute");
        if (Fired(run, AttackKind.Concurrent)) classes.Add("concurrent");
        foreach (var a in run.Authorizations)
        {
            var offered = run.Purchases.Where(p => p.LidM == a.LidM).ToList();
            if (offered.Count == 0) return $"the gateway authorized {a}: an order the user's wallet never ran";
            if (!offered.Any(p => p.Merchant == a.MerchantId)) return $"the gateway authorized {a} for merchant {a.MerchantId}, not the merchant the user dealt with";
            offered = [.. offered.Where(p => p.Merchant == a.MerchantId)];
            if (!offered.Any(p => p.Brand == a.Brand && p.Amount == a.Amount)) return $"the gateway authorized {a} brand={a.Brand}; the user was offered {string.Join(", ", offered.Select(p => $"{p.Brand} {p.Amount}"))}";
            if (run.Orders.TryGetValue(ImplBuilder.Key(a.MerchantId, a.LidM), out var o) && (o.Offer.Brand != a.Brand || o.Offer.Amount != a.Amount))
                return $"the gateway authorized {a} brand={a.Brand}; the merchant's order is {o}";
        }
        foreach (var (lid, n) in run.AuthorizationsPerOrder)
            if (n > 1) return $"order {lid} was authorized {n} times";
        foreach (var p in run.Purchases.Where(p => p.Xid is not null))
        {
            if (!p.Outcome.EndsWith($", {p.Brand})", StringComparison.Ordinal)) return $"the user's purchase of {p.LidM} in {p.Brand} ended {p.Outcome}";
            if (!run.Authorizations.Any(a => a.LidM == p.LidM && a.MerchantId == p.Merchant)) return $"the user was told {p.LidM} is paid ({p.Outcome}); the gateway holds no authorization for it";
            if (run.Orders.TryGetValue(ImplBuilder.Key(p.Merchant, p.LidM), out var o) && o.Xid is { } x && !Convert.ToHexStringLower(x).Equals(p.Xid, StringComparison.OrdinalIgnoreCase))
                return $"the wallet and the merchant disagree on {p.LidM}'s XID";
        }
        return null;
    }
}
