using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Recorded;

/// <summary>
/// INV-OFFER on a recorded trace, the rules of the generated OfferInvariant: an offer lists exactly the options the
/// embodiment defines (every wallet, or the SSW information's wallets in E9/E12), each once; and a user's pick of a wallet
/// that lacks the brand, where the user routes (E1, E2, E9, E10, E12), never ends paid.
/// </summary>
public sealed class OfferCheck : IRecordedCheck
{
    /// <inheritdoc/>
    public string Requirement => "INV-OFFER";

    /// <inheritdoc/>
    public IEnumerable<TraceFinding> Check(RecordedWakeUp w)
    {
        if (!w.SeesDecisions || !w.DecisionsComplete) yield break;
        var t = w.Topology;
        IReadOnlyList<string> expect = w.Traits.Knowledge == KnowledgeKind.SswList ? t.Knowledge.Ssws : t.Wallets.Select(x => x.Name).ToList();
        var expected = expect.Distinct().Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < w.Abstracted.Count; i++)
            if (w.Abstracted[i] is AbstractEvent.Offered o && (!o.Options.Order(StringComparer.Ordinal).SequenceEqual(expected) || o.Options.Distinct().Count() != o.Options.Count))
            {
                var extra = o.Options.Except(expected).ToList();
                yield return new(Requirement, $"offered [{string.Join(", ", o.Options)}], the embodiment defines [{string.Join(", ", expected)}]" +
                    (extra.Count > 0 ? $" ({string.Join(", ", extra.Select(x => w.State.Exists(x) && !w.State.Holds(x, w.Wake.Brand) ? $"{x} cannot pay {w.Wake.Brand}" : $"{x} is not an option"))})" : ""),
                    [w.SetupWitness, w.WitnessAt(w.LineOf(i))]);
            }
        if (w.Traits.RoutesOnKnowledge || w.Outcome is not { Outcome: Outcome.Paid p }) yield break;
        var chose = w.Abstracted.Select((e, i) => (Event: e, Index: i)).FirstOrDefault(x => x.Event is AbstractEvent.Chose);
        var chosen = w.Traits.Asks == UserPrompt.AtSetUp ? w.Header.Script.Preselected : (chose.Event as AbstractEvent.Chose)?.Option;
        if (w.Traits.Asks == UserPrompt.TypedAddress && chosen is not null) chosen = chosen.StartsWith("ssw://", StringComparison.Ordinal) ? chosen[6..] : null;
        if (chosen is null || !w.State.Exists(chosen) || w.State.Holds(chosen, w.Wake.Brand)) yield break;
        if (w.Traits.Asks == UserPrompt.AtSetUp && w.Abstracted.All(x => x is not AbstractEvent.Routed r || r.Wallet != chosen)) yield break;
        var witness = new List<WitnessEvent> { w.SetupWitness };
        if (chose.Event is not null) witness.Add(w.WitnessAt(w.LineOf(chose.Index)));
        witness.Add(w.EndWitness);
        yield return new(Requirement, $"the user chose {chosen}, which lacks {w.Wake.Brand}, yet {p.Wallet} paid", witness);
    }
}
