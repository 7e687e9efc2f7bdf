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
    public override IReadOnlyList<string> Required => ["paid", "refused:NoCapableWallet", "refused:BrandNotHeld", "refused:Replay"];

    /// <inheritdoc/>
    public override string? Eval(Case c, ICollection<string> cls)
    {
        if (c.Crash is not null) return "run crashed: " + c.Crash;
        foreach (var w in c.Result!.WakeUps)
        {
            cls.Add(w.ImplOutcome is Outcome.Paid ? "paid" : "refused:" + ((Outcome.Refused)w.ImplOutcome).Reason);
            // A silent slave or custodian tried behind the master: the PC was kept waiting (S4).
            if (w.Events.OfType<DecisionEvent>().Any(d => d.What == TraceDecisions.KeptAlive)) cls.Add("kept alive");
        }
        if (c.Result.Hang is { } hang) { cls.Add("hang"); return hang.Divergence; }
        return c.Result.FirstDivergence?.Divergence;
    }
}
