using MultiWallet.Impl.Protocol;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>INV-ONCE: at most one authorization per order; a replayed wake-up is refused and sends nothing.</summary>
internal sealed class OnceInvariant : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-ONCE";
    /// <inheritdoc/>
    public override string Title => "at most one authorization per order; generated replays are refused and send nothing";
    /// <inheritdoc/>
    public override int Order => 8;
    /// <inheritdoc/>
    public override IReadOnlyList<string> Required => ["replay"];

    /// <inheritdoc/>
    public override string? Eval(Case c, ICollection<string> cls)
    {
        if (c.Result is null) return null;
        var admitted = new HashSet<OrderId>();
        foreach (var (w, _) in WakeUps(c))
        {
            if (w.Facts.AuthorizationsForOrder > 1) return $"step #{w.StepIndex}: order {w.Wake.Order} authorized {w.Facts.AuthorizationsForOrder} times";
            if (w.Step is Step.Replay && admitted.Contains(w.Wake.Order))
            {
                cls.Add("replay");
                if (w.Raw is not Refused { Reason: RefusalReason.Replay }) return $"step #{w.StepIndex}: replay of {w.Wake.Order} ended {w.Raw}";
                if (w.Facts.Requests.Count > 0) return $"step #{w.StepIndex}: replay of {w.Wake.Order} sent {w.Facts.Requests[0].Kind}";
            }
            if (w.Raw is not Refused { Reason: RefusalReason.MalformedWakeUp or RefusalReason.UnknownBrand or RefusalReason.Replay }) admitted.Add(w.Wake.Order);
        }
        var total = c.Result.WakeUps.LastOrDefault()?.Facts.TotalAuthorizations ?? 0;
        return total > admitted.Count ? $"{total} authorizations for {admitted.Count} admitted orders" : null;
    }
}
