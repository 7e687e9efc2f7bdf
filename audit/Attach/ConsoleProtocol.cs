using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;

namespace MultiWallet.Audit.Attach;

/// <summary>
/// How `check --attach` talks to a running `serve`: over the same network abstraction and wire format as the
/// parties, to the served process's console address.
/// <code>
///   Console.Describe                                   → Console.Description (embodiment, topology, session number)
///   Console.Pay (LID-M, brand, amount, user answers)   → Console.Paid (outcome bytes, the served trace lines)
/// </code>
/// A Pay for a LID-M already paid in the session re-sends the same wake-up bytes (a replay).
/// </summary>
public static class ConsoleProtocol
{
    public static readonly Address Console = new("console");
    public const string Describe = "Console.Describe";
    public const string Description = "Console.Description";
    public const string Pay = "Console.Pay";
    public const string Paid = "Console.Paid";

    /// <summary>A stable text of a topology, compared between the served world and an auditor's file.</summary>
    public static string Render(TopologyConfig t, string? preselected)
    {
        static string Brands(IEnumerable<string> b) => "[" + string.Join(",", b) + "]";
        var lines = new List<string> { $"embodiment {t.Embodiment}" };
        lines.AddRange(t.Wallets.Select(w => $"wallet {w.Name} {Brands(w.Held)}{(w.Down ? " down" : "")}"));
        if (t.Master is { } m) lines.Add($"master {m.Name} {Brands(m.Held)}");
        lines.AddRange(t.Knowledge.Table.Select(b => $"brand info {b.Wallet} {Brands(b.Brands)}"));
        if (t.Knowledge.Ssws is { Count: > 0 } s) lines.Add($"ssw info {Brands(s)}");
        lines.AddRange(t.Knowledge.Wums.Select(w => $"installed {w.Wallet} v{w.Version} {Brands(w.Brands)}"));
        if (t.Embodiment == "E1") lines.Add($"registered {preselected ?? "(none)"}");
        return string.Join("\n", lines);
    }

    /// <summary>One wake-up to pay; the first of a session hands the served user the file's answers ("" = nothing).</summary>
    public sealed record PayRequest(string LidM, string Brand, long Amount, IReadOnlyList<string>? Answers)
    {
        public byte[] Encode()
        {
            var w = new CanonWriter(Pay).Str("lid-m", LidM).Str("brand", Brand).Long("amount", Amount);
            if (Answers is not null) w.StrList("answers", Answers);
            return w.ToBytes();
        }

        public static PayRequest Decode(byte[] b) => CanonReader.Decode(b, Pay,
            r => new PayRequest(r.Str("lid-m"), r.Str("brand"), r.Long("amount"), r.Has("answers") ? r.StrList("answers") : null), x => x.Encode());
    }

    public sealed record PayResult(byte[] Outcome, IReadOnlyList<string> Trace)
    {
        public byte[] Encode() => new CanonWriter(Paid).Bytes("outcome", Outcome).StrList("trace", Trace).ToBytes();

        public static PayResult Decode(byte[] b) => CanonReader.Decode(b, Paid, r => new PayResult(r.Bytes("outcome"), r.StrList("trace")), x => x.Encode());
    }

    public sealed record DescriptionReply(string Topology, long Session)
    {
        public byte[] Encode() => new CanonWriter(Description).Str("topology", Topology).Long("session", Session).ToBytes();

        public static DescriptionReply Decode(byte[] b) => CanonReader.Decode(b, Description, r => new DescriptionReply(r.Str("topology"), r.Long("session")), x => x.Encode());
    }
}
