using System.Text.Json.Nodes;
using MultiWallet.Impl.Network;

namespace MultiWallet.Checks.Sut;

/// <summary>
/// Puts the decisions a system under test reports (its <c>GET /provision/trace</c>, docs/protocol/trace-format.md) where
/// they happened among the messages our network observed: each decision goes right after our record of the last message
/// the SUT had seen or sent before it (matched by sender, receiver, kind and body digest), so a routing decision lands
/// between the start that asked for it and what followed, not after the whole wake-up. Only the SUT party's own
/// decisions are taken; what its network decided about our parties we observed ourselves.
/// </summary>
public static class SutTraceMerge
{
    /// <summary>One line of the SUT's trace: a message it saw or sent, or a decision.</summary>
    public sealed record Line(bool IsMessage, string From, string To, string Kind, string Digest, string Actor, string What, IReadOnlyDictionary<string, string> Detail, string Reason);

    /// <summary>Parses one JSON Lines record (throws on a malformed one).</summary>
    public static Line Parse(string json)
    {
        var o = JsonNode.Parse(json)!.AsObject();
        var type = (string)o["type"]!;
        var detail = o["detail"] is JsonObject d ? d.ToDictionary(kv => kv.Key, kv => (string)kv.Value!, StringComparer.Ordinal) : new Dictionary<string, string>(StringComparer.Ordinal);
        return type switch
        {
            "msg" => new Line(true, (string)o["from"]!, (string)o["to"]!, (string)o["kind"]!, (string?)o["digest"] ?? "", "", "", detail, ""),
            "decision" => new Line(false, "", "", "", "", (string)o["actor"]!, (string)o["what"]!, detail, (string?)o["reason"] ?? ""),
            _ => throw new FormatException($"unknown line type {type}"),
        };
    }

    /// <summary>Our events with the SUT's decisions (of its parties <paramref name="actors"/>; null: every decision) inserted after their anchors.</summary>
    public static IReadOnlyList<TraceEvent> Merge(IReadOnlyList<TraceEvent> ours, IReadOnlyList<Line> sut, IReadOnlySet<string>? actors)
    {
        var after = new Dictionary<int, List<Line>>();
        var anchor = -1;
        foreach (var line in sut)
        {
            if (line.IsMessage)
            {
                for (var i = anchor + 1; i < ours.Count; i++)
                    if (ours[i] is MessageEvent m && m.From.Value == line.From && m.To.Value == line.To && m.Kind == line.Kind && (line.Digest.Length == 0 || m.Digest == line.Digest))
                    {
                        anchor = i;
                        break;
                    }
                continue;
            }
            if (actors is not null && !actors.Contains(line.Actor)) continue;
            if (!after.TryGetValue(anchor, out var list)) after[anchor] = list = [];
            list.Add(line);
        }
        if (after.Count == 0) return ours;
        var merged = new List<TraceEvent>(ours.Count + after.Values.Sum(l => l.Count));
        void Insert(int at, int seq)
        {
            if (after.TryGetValue(at, out var list))
                merged.AddRange(list.Select(l => new DecisionEvent(seq, l.Actor, l.What, l.Detail, l.Reason)));
        }
        Insert(-1, ours.Count > 0 ? ours[0].Seq : 0);
        for (var i = 0; i < ours.Count; i++)
        {
            merged.Add(ours[i]);
            Insert(i, ours[i].Seq);
        }
        return merged;
    }
}
