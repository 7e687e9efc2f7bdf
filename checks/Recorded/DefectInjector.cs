using System.Text.Json.Nodes;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Set;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Recorded;

/// <summary>
/// Writes one <see cref="InjectedDefect"/> into an honest recorded trace, programmatically: it finds the first wake-up
/// where the defect applies, edits or inserts the fewest lines that make it (documented per defect), and leaves every
/// other line as it was — so exactly one order of the result diverges. Also derives a partially observed log.
/// </summary>
public static class DefectInjector
{
    /// <summary>The requirement each defect breaks.</summary>
    public static string Requirement(InjectedDefect d) => d switch
    {
        InjectedDefect.WrongRoute => "INV-ROUTE-SOUND",
        InjectedDefect.SecondAuthorization => "INV-ONCE",
        InjectedDefect.CredentialKept => "INV-CUSTODY",
        InjectedDefect.OfferCannotPay => "INV-OFFER",
        InjectedDefect.BadDualSignature => "INV-DUAL-SIG",
        _ => throw new ArgumentOutOfRangeException(nameof(d), d, null),
    };

    /// <summary>The edited lines and what was changed (which order, which line), or null when no wake-up of the trace admits the defect.</summary>
    public static (IReadOnlyList<string> Lines, string Edit)? Inject(IReadOnlyList<string> lines, InjectedDefect defect)
    {
        RecordedLine.Case? header = null;
        RecordedLine.WakeUp? wake = null;
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            switch (TraceLogReader.Parse(lines[i], i + 1))
            {
                case RecordedLine.Case c: header = c; wake = null; break;
                case RecordedLine.WakeUp w: wake = w; break;
                case RecordedLine.Event e when header is not null && wake is not null && !wake.Replay:
                    if (Try(lines, i, e, header, wake, defect) is { } edited) return edited;
                    break;
            }
        }
        return null;
    }

    private static (IReadOnlyList<string>, string)? Try(IReadOnlyList<string> lines, int i, RecordedLine.Event e, RecordedLine.Case header, RecordedLine.WakeUp wake, InjectedDefect defect)
    {
        var list = lines.ToList();
        var order = wake.Wake.Order;
        var brand = wake.Wake.Brand;
        var traits = header.Topology.Traits;
        switch (defect)
        {
            case InjectedDefect.SecondAuthorization when e.Trace is DecisionEvent { Actor: "gateway", What: TraceDecisions.Authorized }:
                list.Insert(i + 1, lines[i]);
                return (list, $"case {header.Id} order {order}: the gateway's Authorized line {i + 1} repeated as line {i + 2}");

            case InjectedDefect.CredentialKept when e.Trace is DecisionEvent { What: TraceDecisions.CredentialErased }:
                list.RemoveAt(i);
                return (list, $"case {header.Id} order {order}: the CredentialErased line {i + 1} removed");

            case InjectedDefect.WrongRoute when e.Trace is DecisionEvent { What: TraceDecisions.Routed } d && traits.RoutesOnKnowledge && !traits.IsMasterSlave
                && !d.Actor.StartsWith("WUM-", StringComparison.Ordinal):
                // A wallet that exists and lacks the brand, in a wake-up that ended paid by the routed wallet: route and payment both moved to it.
                var outcome = OutcomeIndex(lines, i);
                if (outcome is null || JsonNode.Parse(lines[outcome.Value]) is not JsonObject o || (string?)o["outcome"] != "Paid") return null;
                var wrong = header.Topology.Wallets.FirstOrDefault(x => !x.Held.Contains(brand) && !x.Advertised.Contains(brand) && x.Name != d.Detail["wallet"]);
                if (wrong is null) return null;
                var routed = JsonNode.Parse(lines[i])!.AsObject();
                routed["detail"]!["wallet"] = wrong.Name;
                list[i] = routed.ToJsonString(RecordedFormat.NodeOptions);
                o["wallet"] = wrong.Name;
                list[outcome.Value] = o.ToJsonString(RecordedFormat.NodeOptions);
                return (list, $"case {header.Id} order {order}: Routed line {i + 1} and outcome line {outcome.Value + 1} name {wrong.Name}, which lacks {brand}");

            case InjectedDefect.OfferCannotPay when e.Trace is DecisionEvent { What: TraceDecisions.Offered } d && traits.Knowledge == KnowledgeKind.SswList:
                var offered = d.Detail.GetValueOrDefault("options", "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
                var extra = header.Topology.Wallets.Where(x => !offered.Contains(x.Name) && !x.Held.Contains(brand)).Select(x => x.Name).FirstOrDefault();
                if (extra is null) return null;
                var offer = JsonNode.Parse(lines[i])!.AsObject();
                offer["detail"]!["options"] = string.Join(',', offered.Append(extra));
                list[i] = offer.ToJsonString(RecordedFormat.NodeOptions);
                return (list, $"case {header.Id} order {order}: Offered line {i + 1} also lists {extra}, which the SSW information does not list and which lacks {brand}");

            case InjectedDefect.BadDualSignature when e.Trace is MessageEvent { Kind: PReq.Kind } && e.Body is { } body:
                var req = PReq.Decode(body);
                var pids = PIDualSigned.Decode(req.PIDualSignedBytes);
                var sig = pids.DualSignature.ToArray();
                sig[^1] ^= 0x01;
                var forged = (req with { PIDualSignedBytes = (pids with { DualSignature = sig }).Encode() }).Encode();
                var msg = JsonNode.Parse(lines[i])!.AsObject();
                msg["body"] = Convert.ToBase64String(forged);
                msg["digest"] = TraceLog.Digest(forged);
                list[i] = msg.ToJsonString(RecordedFormat.NodeOptions);
                return (list, $"case {header.Id} order {order}: the last byte of the dual signature in the PReq of line {i + 1} flipped (body and digest rewritten)");

            default:
                return null;
        }
    }

    /// <summary>The index of the outcome line of the wake-up containing line <paramref name="i"/>, or null.</summary>
    private static int? OutcomeIndex(IReadOnlyList<string> lines, int i)
    {
        for (var j = i + 1; j < lines.Count; j++)
        {
            var t = (string?)JsonNode.Parse(lines[j])!["type"];
            if (t == "outcome") return j;
            if (t is "wakeup" or "case" or "step") return null;
        }
        return null;
    }

    /// <summary>
    /// A partially observed log of an honest trace: every decision line and every body dropped, and the headers saying the
    /// recorder observed messages and outcomes only. Honest in, conforming out: what a log does not show is not judged.
    /// </summary>
    public static IReadOnlyList<string> Partial(IReadOnlyList<string> lines)
    {
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var o = JsonNode.Parse(line)!.AsObject();
            switch ((string?)o["type"])
            {
                case "decision": continue;
                case "case": o["observed"] = new JsonArray("messages", "outcomes"); break;
                case "msg": o.Remove("body"); break;
            }
            kept.Add(o.ToJsonString(RecordedFormat.NodeOptions));
        }
        return kept;
    }
}
