using System.Text;
using MultiWallet.Checks.Traces.Scenarios;
using MultiWallet.Impl.Network;

namespace MultiWallet.Checks.Traces.TraceRendering;

/// <summary>
/// The same trace as a Mermaid <c>sequenceDiagram</c>: one participant per party (pc = selector/WUMs/user, each
/// server wallet, merchant, gateway), each message an arrow labelled with its kind and key fields, each decision
/// a <c>Note over</c> its actor. Text from the trace is escaped so mermaid 11 parses it.
/// </summary>
public static class TraceMermaid
{
    private const string Pc = "pc";

    public static string Render(TraceScenarioResult r)
    {
        var wallets = r.Scenario.Topology.Master is { } m ? new[] { m.Name }.Concat(r.Scenario.Topology.Wallets.Select(w => w.Name)).ToList()
            : (r.Scenario.Topology.IsMasterSlave ? ["MSW", .. r.Scenario.Topology.Wallets.Select(w => w.Name)] : r.Scenario.Topology.Wallets.Select(w => w.Name).ToList());
        var b = new StringBuilder();
        b.Append("sequenceDiagram\n");
        b.Append($"    participant {Pc} as {Escape("pc / selector / WUM")}\n");
        foreach (var w in wallets) b.Append($"    participant {Id(w)} as {Escape(w)}\n");
        b.Append("    participant merchant\n    participant gateway\n");
        var fromEvent = r.WakeUps.ToDictionary(w => w.FirstSeq);
        foreach (var e in r.Trace.Events)
        {
            if (fromEvent.TryGetValue(e.Seq, out var wake))
                b.Append($"    Note over {Pc},gateway: {Escape($"wake-up {wake.Index}: {wake.Step.LidM} {wake.Step.Brand} -> {wake.Outcome}")}\n");
            switch (e)
            {
                case MessageEvent msg:
                    var fields = string.Join(' ', msg.Fields.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
                    var arrow = msg.Kind is "Wallet.Done" or "Wallet.Refused" or "Wallet.Forward" or "Wallet.Brands" or "PInitRes" or "PRes" or "AuthRes"
                        || msg.Kind.EndsWith("Res", StringComparison.Ordinal) || msg.Kind.StartsWith("Custody.Re", StringComparison.Ordinal) || msg.Kind == "Error" ? "-->>" : "->>";
                    b.Append($"    {Participant(msg.From.Value)}{arrow}{Participant(msg.To.Value)}: {Escape($"{e.Seq:000} {msg.Kind}" + (fields.Length > 0 ? " " + fields : ""))}\n");
                    break;
                case DecisionEvent d:
                    var detail = string.Join(' ', d.Detail.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
                    var text = $"{e.Seq:000} {d.Actor}: {d.What}" + (detail.Length > 0 ? " " + detail : "") + (d.Reason.Length > 0 ? $" ({d.Reason})" : "");
                    b.Append($"    Note over {ActorParticipant(d.Actor, wallets)}: {Escape(text)}\n");
                    break;
            }
        }
        return b.ToString();
    }

    private static string Participant(string address) => address switch
    {
        "pc" => Pc,
        "merchant" => "merchant",
        "gateway" => "gateway",
        _ when address.StartsWith("sw://", StringComparison.Ordinal) => Id(address[5..]),
        _ => Pc, // the user port and anything else on the user's side
    };

    private static string ActorParticipant(string actor, IReadOnlyList<string> wallets)
    {
        if (actor is "merchant" or "gateway") return actor;
        if (wallets.Contains(actor)) return Id(actor);
        // E.g. "WUM(MSW)" stays on the pc; a "virtual WUM(SSW-1)"-like actor of a master goes to the master.
        var named = wallets.FirstOrDefault(w => actor.StartsWith(w + "/", StringComparison.Ordinal) || actor.StartsWith(w + " ", StringComparison.Ordinal));
        return named is null ? Pc : Id(named);
    }

    /// <summary>A Mermaid participant id: letters, digits and underscores only.</summary>
    public static string Id(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    /// <summary>
    /// Escapes text for a Mermaid message or note: '#' and ';' start entities/statements, ':' ',' '&lt;' '&gt;' and
    /// quotes are read as syntax, and "end" alone can close a block; all become #code; entities.
    /// </summary>
    public static string Escape(string s)
    {
        var b = new StringBuilder(s.Length + 16);
        foreach (var c in s)
        {
            b.Append(c switch
            {
                '#' => "#35;",
                ';' => "#59;",
                ':' => "#58;",
                ',' => "#44;",
                '<' => "#lt;",
                '>' => "#gt;",
                '"' => "#quot;",
                '{' => "#123;",
                '}' => "#125;",
                '%' => "#37;",
                '\n' or '\r' => " ",
                _ => c.ToString(),
            });
        }
        return b.ToString();
    }
}
