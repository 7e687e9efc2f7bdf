using MultiWallet.Impl.Network;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Recorded;

/// <summary>
/// INV-ROUTE-SOUND on a recorded trace, the rules of the generated RouteSoundInvariant read from the recorded events: a
/// payment uses exactly the wake-up's brand (outcome and the gateway's authorization), by a wallet that holds it (in E8 the
/// slave that released it), listed by the routing knowledge where the embodiment routes on knowledge; and every route a
/// decider takes on knowledge (E3–E8, E11) goes to a wallet the knowledge lists for the brand.
/// </summary>
public sealed class RouteSoundCheck : IRecordedCheck
{
    /// <inheritdoc/>
    public string Requirement => "INV-ROUTE-SOUND";

    /// <inheritdoc/>
    public IEnumerable<TraceFinding> Check(RecordedWakeUp w)
    {
        var brand = w.Wake.Brand;
        var listed = w.State.Listed(brand) ?? [];
        var master = w.Topology.Master?.Name ?? WalletNames.Msw;
        if (w.SeesDecisions)
        {
            foreach (var (d, line) in w.Decisions)
                if (d.Actor == "gateway" && d.What == TraceDecisions.Authorized && d.Detail.TryGetValue("brand", out var b) && b != brand.Name)
                    yield return new(Requirement, $"the gateway authorized {b} for a {brand} wake-up", [w.SetupWitness, RecordedWakeUp.Witness(line)]);
            if (w.Traits.RoutesOnKnowledge && w.DecisionsComplete)
                for (var i = 0; i < w.Abstracted.Count; i++)
                    if (w.Abstracted[i] is AbstractEvent.Routed r && r.Wallet != master && !listed.Contains(r.Wallet))
                        yield return new(Requirement, $"{r.Decider} routed the {brand} purchase to {r.Wallet}, which the routing knowledge does not list for {brand} (listed: [{string.Join(", ", listed)}])",
                            [w.SetupWitness, w.WitnessAt(w.LineOf(i))]);
        }
        if (w.Outcome is not { Outcome: Outcome.Paid p }) yield break;
        var end = w.EndWitness;
        if (p.Brand != brand) { yield return new(Requirement, $"paid with {p.Brand}, the wake-up named {brand}", [w.SetupWitness, end]); yield break; }
        var payer = p.Wallet;
        var witness = new List<WitnessEvent> { w.SetupWitness };
        if (w.Traits.AcquiresCredential && payer == master && !w.State.Holds(master, brand))
        {
            if (!w.SeesDecisions) { w.Notes.Add("decisions not observed: who released E8's credential is unknown"); yield break; }
            var rel = w.Decisions.FirstOrDefault(x => x.D.What == TraceDecisions.CredentialReleased);
            if (rel.D is null) { yield return new(Requirement, $"{master} paid {brand}, which it does not hold, without a released credential", [w.SetupWitness, end]); yield break; }
            payer = rel.D.Actor;
            witness.Add(RecordedWakeUp.Witness(rel.Line));
        }
        witness.Add(end);
        if (!w.State.Holds(payer, brand)) yield return new(Requirement, $"{payer} paid {brand} but does not hold it", witness);
        else if (w.Traits.RoutesOnKnowledge && payer != master && !listed.Contains(payer))
            yield return new(Requirement, $"{payer} paid {brand} but the routing knowledge does not list it for {brand}", witness);
    }
}
