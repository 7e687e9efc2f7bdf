using MultiWallet.Impl.Protocol;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>INV-OFFER: offers are exactly the embodiment's options; only listed wallets chosen; a wrong choice is refused, never paid.</summary>
internal sealed class OfferInvariant : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-OFFER";
    /// <inheritdoc/>
    public override string Title => "offers are exactly the embodiment's options, only listed wallets are chosen, a wrong choice is refused";
    /// <inheritdoc/>
    public override int Order => 4;
    /// <inheritdoc/>
    public override IReadOnlyList<string> Required => ["offered", "wrong choice", "right choice"];

    /// <inheritdoc/>
    public override string? Eval(Case c, ICollection<string> cls)
    {
        if (c.Result is null) return null;
        var t = c.Scenario.Topology;
        var traits = t.Traits;
        var names = t.Wallets.Select(x => x.Name).ToList();
        if (traits.Asks == UserPrompt.AtSetUp)
        {
            var first = c.Result.Built.User.Log.FirstOrDefault();
            if (first is null || !first.Options.SequenceEqual(names)) return $"E1 set-up offered [{string.Join(", ", first?.Options ?? [])}], expected [{string.Join(", ", names)}]";
        }
        foreach (var (w, s) in WakeUps(c))
        {
            foreach (var o in w.Abstracted.OfType<AbstractEvent.Offered>())
            {
                IReadOnlyList<string> expect = traits.Knowledge == KnowledgeKind.SswList ? s.Knowledge.Ssws : names;
                cls.Add("offered");
                if (!o.Options.Order(StringComparer.Ordinal).SequenceEqual(expect.Distinct().Order(StringComparer.Ordinal)) || o.Options.Distinct().Count() != o.Options.Count)
                    return $"step #{w.StepIndex}: offered [{string.Join(", ", o.Options)}], the embodiment defines [{string.Join(", ", expect)}]";
            }
            if (!traits.IsMasterSlave && traits.RoutesOnKnowledge)
                foreach (var r in w.Abstracted.OfType<AbstractEvent.Routed>())
                    if (!(s.Listed(w.Wake.Brand) ?? []).Contains(r.Wallet)) return $"step #{w.StepIndex}: {r.Decider} chose {r.Wallet}, not listed capable for {w.Wake.Brand}";
            string? chosen = traits.Asks == UserPrompt.AtSetUp ? c.Scenario.Script.Preselected : w.Abstracted.OfType<AbstractEvent.Chose>().FirstOrDefault()?.Option;
            if (traits.Asks == UserPrompt.TypedAddress && chosen is not null) chosen = chosen.StartsWith("ssw://", StringComparison.Ordinal) ? chosen[6..] : null;
            if (chosen is null || !s.Exists(chosen) || traits.RoutesOnKnowledge) continue;
            if (traits.Asks == UserPrompt.AtSetUp && w.Abstracted.OfType<AbstractEvent.Routed>().All(r => r.Wallet != chosen)) continue;
            if (s.Holds(chosen, w.Wake.Brand)) { cls.Add("right choice"); continue; }
            cls.Add("wrong choice");
            if (w.Raw is Paid p) return $"step #{w.StepIndex}: the user chose {chosen}, which lacks {w.Wake.Brand}, yet {p.Wallet} paid";
            if (w.Raw is Refused { Reason: not (RefusalReason.BrandNotHeld or RefusalReason.InvalidChoice or RefusalReason.NoChoice or RefusalReason.Replay or RefusalReason.MalformedWakeUp or RefusalReason.UnknownBrand or RefusalReason.WalletUnreachable or RefusalReason.UnknownAddress or RefusalReason.MalformedAddress) } r2)
                return $"step #{w.StepIndex}: wrong choice {chosen} ended {r2}, expected a clean refusal (BrandNotHeld; InvalidChoice for a pick that was not offered; UnknownAddress/MalformedAddress for a typed address)";
        }
        return null;
    }
}
