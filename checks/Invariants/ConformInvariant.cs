using MultiWallet.Model.Vocabulary;

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
        foreach (var w in c.Result!.WakeUps) cls.Add(w.ImplOutcome is Outcome.Paid ? "paid" : "refused:" + ((Outcome.Refused)w.ImplOutcome).Reason);
        if (c.Result.Hang is { } hang) { cls.Add("hang"); return hang.Divergence; }
        return c.Result.FirstDivergence?.Divergence;
    }
}
