using System.Security.Cryptography;

namespace MultiWallet.Impl.Network;

/// <summary>
/// Thread-safe append-only log of every message and decision. <see cref="Render"/> is stable text,
/// one event per line, meant for snapshot tests and for humans reading a diff.
/// </summary>
public sealed class TraceLog
{
    private readonly List<TraceEvent> events = [];
    private readonly Lock gate = new();

    /// <summary>Every event so far, in order.</summary>
    public IReadOnlyList<TraceEvent> Events { get { lock (gate) return [.. events]; } }

    /// <summary>The digest the trace shows for a body: first 16 hex characters of SHA-256.</summary>
    public static string Digest(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body))[..16];

    /// <summary>Records a message on the wire.</summary>
    public MessageEvent Message(NetMessage m)
    {
        lock (gate)
        {
            var e = new MessageEvent(events.Count + 1, m.From, m.To, m.Kind, m.Fields, Digest(m.Body));
            events.Add(e);
            return e;
        }
    }

    /// <summary>Records a decision <paramref name="what"/> (a <see cref="TraceDecisions"/> name) taken by <paramref name="actor"/>.</summary>
    public DecisionEvent Decide(string actor, string what, IReadOnlyDictionary<string, string>? detail = null, string reason = "")
    {
        lock (gate)
        {
            var e = new DecisionEvent(events.Count + 1, actor, what, detail ?? NetMessage.NoFields, reason);
            events.Add(e);
            return e;
        }
    }

    /// <summary>Events appended after index <paramref name="from"/> (use <see cref="Count"/> as a bookmark).</summary>
    public IReadOnlyList<TraceEvent> Since(int from) { lock (gate) return events.Skip(from).ToList(); }

    /// <summary>How many events were recorded.</summary>
    public int Count { get { lock (gate) return events.Count; } }

    /// <summary>The whole trace, one rendered event per line.</summary>
    public string Render() => string.Join('\n', Events.Select(e => e.Render())) + "\n";
}
