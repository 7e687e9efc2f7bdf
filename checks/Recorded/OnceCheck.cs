using MultiWallet.Impl.Network;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Recorded;

/// <summary>
/// INV-ONCE on a recorded trace, the rules of the generated OnceInvariant: at most one standing authorization per order
/// across the case (the gateway's Authorized decisions, less its reversals), and a replay of an admitted order is refused
/// as a replay without a message sent.
/// </summary>
public sealed class OnceCheck : IRecordedCheck
{
    /// <inheritdoc/>
    public string Requirement => "INV-ONCE";

    /// <inheritdoc/>
    public IEnumerable<TraceFinding> Check(RecordedWakeUp w)
    {
        if (w.SeesDecisions)
            foreach (var (d, line) in w.Decisions.Where(x => x.D.Actor == "gateway"))
            {
                var lid = d.Detail.TryGetValue("lid-m", out var l) ? l : w.Wake.Order.LidM;
                if (!w.Ledger.Authorizations.TryGetValue(lid, out var standing)) w.Ledger.Authorizations[lid] = standing = [];
                if (d.What == TraceDecisions.Reversed && standing.Count > 0) standing.RemoveAt(standing.Count - 1);
                if (d.What != TraceDecisions.Authorized) continue;
                standing.Add(RecordedWakeUp.Witness(line));
                if (standing.Count > 1)
                    yield return new(Requirement, $"order {lid} authorized {standing.Count} times (standing, not reversed)", [w.SetupWitness, .. standing]);
            }
        var order = w.Wake.Order;
        if (w.Replay && w.Ledger.Admitted.Contains(order))
        {
            if (w.Outcome is { } o && o.Outcome is not Outcome.Refused { Reason: Reason.Replay })
                yield return new(Requirement, $"replay of {order} ended {o.Outcome}, expected Refused(Replay)", [w.SetupWitness, w.EndWitness]);
            if (w.Observed.HasFlag(Observed.Messages) && w.Messages.FirstOrDefault() is { M: not null } first)
                yield return new(Requirement, $"replay of {order} sent {first.M.Kind}", [w.SetupWitness, RecordedWakeUp.Witness(first.Line)]);
        }
        if (w.Outcome is null || w.Outcome.Outcome is not Outcome.Refused { Reason: Reason.MalformedWakeUp or Reason.UnknownBrand or Reason.Replay }) w.Ledger.Admitted.Add(order);
    }
}
