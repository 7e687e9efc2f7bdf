using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>INV-ROUTE-SOUND: every payment uses exactly the wake-up's brand, by an entitled wallet listed by the routing knowledge.</summary>
internal sealed class RouteSoundInvariant : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-ROUTE-SOUND";
    /// <inheritdoc/>
    public override string Title => "every generated payment uses exactly the wake-up's brand, by an entitled wallet the routing knowledge lists";
    /// <inheritdoc/>
    public override int Order => 2;
    /// <inheritdoc/>
    public override IReadOnlyList<string> Required => ["paid"];

    /// <inheritdoc/>
    public override string? Eval(Case c, ICollection<string> cls)
    {
        if (c.Result is null) return null;
        var traits = c.Scenario.Topology.Traits;
        foreach (var (w, s) in WakeUps(c))
        {
            if (w.Raw is not Paid p) continue;
            cls.Add("paid");
            if (p.Brand != w.Wake.Brand.Name) return $"step #{w.StepIndex}: paid with {p.Brand}, wake-up named {w.Wake.Brand}";
            var auth = Decisions(w, "gateway", TraceDecisions.Authorized).ToList();
            if (auth.Count != 1 || auth[0].Detail["brand"] != w.Wake.Brand.Name) return $"step #{w.StepIndex}: gateway authorizations {string.Join(",", auth.Select(a => a.Detail["brand"]))} for a {w.Wake.Brand} payment";
            var payer = p.Wallet;
            if (traits.AcquiresCredential && payer == WalletNames.Msw && !s.Holds(WalletNames.Msw, w.Wake.Brand))
            {
                var rel = w.Events.OfType<DecisionEvent>().FirstOrDefault(d => d.What == TraceDecisions.CredentialReleased);
                if (rel is null) return $"step #{w.StepIndex}: MSW paid {w.Wake.Brand} it does not hold without a released credential";
                payer = rel.Actor;
                cls.Add("paid with acquired credential");
            }
            if (!s.Holds(payer, w.Wake.Brand)) return $"step #{w.StepIndex}: {payer} paid {w.Wake.Brand} but does not hold it";
            if (traits.RoutesOnKnowledge && payer != WalletNames.Msw && !(s.Listed(w.Wake.Brand) ?? []).Contains(payer))
                return $"step #{w.StepIndex}: {payer} paid {w.Wake.Brand} but the routing knowledge does not list it for {w.Wake.Brand}";
        }
        return null;
    }
}
