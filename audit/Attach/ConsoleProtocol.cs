using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Network;
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
    /// <summary>The served console's address.</summary>
    public static readonly Address Console = new("console");
    /// <summary>Message kind: ask the served topology.</summary>
    public const string Describe = "Console.Describe";
    /// <summary>Message kind: the served topology.</summary>
    public const string Description = "Console.Description";
    /// <summary>Message kind: play one wake-up.</summary>
    public const string Pay = "Console.Pay";
    /// <summary>Message kind: the outcome of one wake-up.</summary>
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
        if (t.Wiring.AsksUserAtSetUp) lines.Add($"registered {preselected ?? "(none)"}");
        return string.Join("\n", lines);
    }

    /// <summary>One wake-up to pay; the first of a session hands the served user the file's answers ("" = nothing).</summary>
    public sealed record PayRequest(string LidM, string Brand, long Amount, IReadOnlyList<string>? Answers)
    {
        /// <summary>The canonical wire encoding.</summary>
        public byte[] Encode()
        {
            var w = new CanonWriter(Pay).Str("lid-m", LidM).Str("brand", Brand).Long("amount", Amount);
            if (Answers is not null) w.StrList("answers", Answers);
            return w.ToBytes();
        }

        /// <summary>Reads a canonical encoding.</summary>
        public static PayRequest Decode(byte[] b) => CanonReader.Decode(b, Pay,
            r => new PayRequest(r.Str("lid-m"), r.Str("brand"), r.Long("amount"), r.Has("answers") ? r.StrList("answers") : null), x => x.Encode());
    }

    /// <summary>The outcome of one played wake-up and its trace lines.</summary>
    public sealed record PayResult(byte[] Outcome, IReadOnlyList<string> Trace)
    {
        /// <summary>The canonical wire encoding.</summary>
        public byte[] Encode() => new CanonWriter(Paid).Bytes("outcome", Outcome).StrList("trace", Trace).ToBytes();

        /// <summary>Reads a canonical encoding.</summary>
        public static PayResult Decode(byte[] b) => CanonReader.Decode(b, Paid, r => new PayResult(r.Bytes("outcome"), r.StrList("trace")), x => x.Encode());
    }

    /// <summary>The served topology (as scenario YAML) and a session number for order ids.</summary>
    public sealed record DescriptionReply(string Topology, long Session)
    {
        /// <summary>The canonical wire encoding.</summary>
        public byte[] Encode() => new CanonWriter(Description).Str("topology", Topology).Long("session", Session).ToBytes();

        /// <summary>Reads a canonical encoding.</summary>
        public static DescriptionReply Decode(byte[] b) => CanonReader.Decode(b, Description, r => new DescriptionReply(r.Str("topology"), r.Long("session")), x => x.Encode());
    }
}
