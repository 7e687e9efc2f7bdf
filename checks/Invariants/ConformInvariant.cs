using MultiWallet.Model.Vocabulary;
using MultiWallet.Impl.Network;

namespace MultiWallet.Checks.Invariants;

/// <summary>INV-CONFORM: implementation outcome and abstract trace equal the model's prediction.</summary>
internal sealed class ConformInvariant : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-CONFORM";
    /// <inheritdoc/>
    public override string Title => "generated topologies, scripts and steps: implementation outcome and abstract trace equal the model's prediction (first diverging step shown)";
    /// <inheritdoc/>
    public override int Order => 1;
    /// <inheritdoc/>
    /// <remarks>
    /// With several merchants (DECISIONS.md, "Several merchants"): a world of several merchants, a purchase paid at a merchant other
    /// than the first, and (when the case has one) a purchase declined by a merchant's own limit.
    /// </remarks>
    public override IReadOnlyList<string> Required => ["paid", "refused:NoCapableWallet", "refused:BrandNotHeld", "refused:Replay", "merchants:several", "paid:other merchant"];

    /// <inheritdoc/>
    public override string? Eval(Case c, ICollection<string> cls)
    {
        if (c.Crash is not null) return "run crashed: " + c.Crash;
        var topology = c.Result!.Topology;
        if (topology.Merchants.Count > 1) cls.Add("merchants:several");
        foreach (var w in c.Result.WakeUps)
        {
            cls.Add(w.ImplOutcome is Outcome.Paid ? "paid" : "refused:" + ((Outcome.Refused)w.ImplOutcome).Reason);
            // A silent slave or custodian tried behind the master: the PC was kept waiting (S4).
            if (w.Events.OfType<DecisionEvent>().Any(d => d.What == TraceDecisions.KeptAlive)) cls.Add("kept alive");
            if (w.Wake.Order.Merchant == (topology.Merchants.Count > 0 ? topology.Merchants[0] : w.Wake.Order.Merchant)) continue;
            if (w.ImplOutcome is Outcome.Paid) cls.Add("paid:other merchant");
            if (w.ImplOutcome is Outcome.Refused { Reason: Reason.Declined } && topology.DeclineAboveByMerchant.ContainsKey(w.Wake.Order.Merchant)) cls.Add("declined:merchant limit");
        }
        if (c.Result.Hang is { } hang) { cls.Add("hang"); return hang.Divergence; }
        return c.Result.FirstDivergence?.Divergence;
    }
}
