using MultiWallet.Impl.Network;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Recorded;

/// <summary>
/// INV-CUSTODY's decisions on a recorded trace (E8), the rules of the generated CustodyInvariant: a slave releases a brand
/// credential only to its own master, only for the order of the wake-up it serves, at most once per order; and the master
/// erases every credential it acquired before the wake-up ends. (Key and PAN bytes in bodies need the keys: not judged here.)
/// </summary>
public sealed class CustodyCheck : IRecordedCheck
{
    /// <inheritdoc/>
    public string Requirement => "INV-CUSTODY";

    /// <inheritdoc/>
    public IEnumerable<TraceFinding> Check(RecordedWakeUp w)
    {
        if (!w.SeesDecisions) yield break;
        var master = w.Topology.Master?.Name ?? WalletNames.Msw;
        var held = new Dictionary<string, List<WitnessEvent>>(StringComparer.Ordinal);
        foreach (var (d, line) in w.Decisions)
        {
            switch (d.What)
            {
                case TraceDecisions.CredentialReleased:
                    var to = d.Detail.GetValueOrDefault("to");
                    if (to is not null && to != master)
                        yield return new(Requirement, $"{d.Actor} released a credential to {to}, not to its master {master}", [w.SetupWitness, RecordedWakeUp.Witness(line)]);
                    if (!d.Detail.TryGetValue("lid-m", out var lid)) break;
                    if (lid != w.Wake.Order.LidM)
                        yield return new(Requirement, $"{d.Actor} released a credential for order {lid} during the wake-up of {w.Wake.Order}", [w.SetupWitness, RecordedWakeUp.Witness(line)]);
                    if (!w.Ledger.Releases.TryGetValue(lid, out var releases)) w.Ledger.Releases[lid] = releases = [];
                    releases.Add(RecordedWakeUp.Witness(line));
                    if (releases.Count > 1) yield return new(Requirement, $"credential released {releases.Count} times for order {lid}", [w.SetupWitness, .. releases]);
                    break;
                case TraceDecisions.CredentialAcquired:
                    if (!held.TryGetValue(d.Actor, out var acquired)) held[d.Actor] = acquired = [];
                    acquired.Add(RecordedWakeUp.Witness(line));
                    break;
                case TraceDecisions.CredentialErased:
                    if (held.TryGetValue(d.Actor, out var h) && h.Count > 0) h.RemoveAt(0);
                    break;
            }
        }
        foreach (var (actor, kept) in held)
            if (kept.Count > 0)
                yield return new(Requirement, $"{actor} still holds {kept.Count} acquired credential(s) when the wake-up ends: never erased", [w.SetupWitness, kept[0]]);
    }
}
