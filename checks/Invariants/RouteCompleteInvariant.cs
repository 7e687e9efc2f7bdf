using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>INV-ROUTE-COMPLETE: a listed, reachable, capable wallet pays; no listed reachable wallet gives NoCapableWallet and no purchase message.</summary>
internal sealed class RouteCompleteInvariant : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-ROUTE-COMPLETE";
    /// <inheritdoc/>
    public override string Title => "a listed reachable capable wallet pays; none listed gives NoCapableWallet with no purchase message";
    /// <inheritdoc/>
    public override int Order => 3;
    /// <inheritdoc/>
    public override IReadOnlyList<string> Required => ["none listed", "capable listed"];

    /// <inheritdoc/>
    protected override bool AppliesTo(EmbodimentTraits t) => t.RoutesOnKnowledge;

    /// <inheritdoc/>
    public override string? Eval(Case c, ICollection<string> cls)
    {
        if (c.Result is null) return null;
        var accepted = new HashSet<OrderId>();
        foreach (var (w, s) in WakeUps(c))
        {
            var fresh = accepted.Add(w.Wake.Order);
            if (!fresh || w.Wake.Defect is not WakeUpDefect.NoDefect || !w.Wake.Brand.IsKnown || w.Step is Step.Replay) continue;
            if (c.Scenario.Topology.Master is { } m && (!s.Reachable(m.Name) || s.Holds(m.Name, w.Wake.Brand))) continue;
            var reachable = (s.Listed(w.Wake.Brand) ?? []).Where(s.Reachable).ToList();
            if (reachable.Count == 0)
            {
                cls.Add("none listed");
                if (w.ImplOutcome != new Outcome.Refused(Reason.NoCapableWallet)) return $"step #{w.StepIndex}: no reachable listed wallet for {w.Wake.Brand}, outcome {w.Raw}";
                if (Sent(w, "PInitReq") || Sent(w, "PReq")) return $"step #{w.StepIndex}: NoCapableWallet but a purchase message reached the merchant";
            }
            else if (s.Holds(reachable[0], w.Wake.Brand))
            {
                cls.Add("capable listed");
                // A network fault may legitimately end a routed purchase unpaid; routing itself was complete.
                // So may a gateway's decline limit: the purchase reached the gateway (routing was complete).
                var declined = w.ImplOutcome is Outcome.Refused { Reason: Reason.Declined } && w.Wake.Amount > c.Scenario.Topology.DeclineLimit(w.Wake.Brand, w.Wake.Order.Merchant);
                if (w.ImplOutcome is not Outcome.Paid && !Faulted(w) && !declined) return $"step #{w.StepIndex}: {reachable[0]} is listed, reachable and holds {w.Wake.Brand}, outcome {w.Raw}";
            }
            else cls.Add("first listed lies");
        }
        return null;
    }
}
