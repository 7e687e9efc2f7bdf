using System.Security.Cryptography;

namespace MultiWallet.Impl.Network;

/// <summary>
/// Thread-safe append-only log of every message and decision. <see cref="Render"/> is stable text,
/// one event per line, meant for snapshot tests and for humans reading a diff.
/// What one event keeps is bounded (<see cref="TraceEvent.MaxText"/>, <see cref="TraceEvent.MaxReason"/>,
/// <see cref="TraceEvent.MaxFields"/>), so a peer cannot push arbitrary text into it; honest events are far below the
/// bounds and are kept verbatim. A log built with a capacity (a long-running world: `serve`, the soak bench) keeps only
/// the newest events and counts the others in <see cref="Dropped"/>; without one (campaign worlds, whose runs are short)
/// it keeps every event.
/// </summary>
public sealed class TraceLog
{
    private readonly Queue<TraceEvent> events = new();
    private readonly Lock gate = new();
    private int recorded;
    private int? capacity;

    /// <summary>A log keeping every event, or only the newest <paramref name="capacity"/> when one is given.</summary>
    public TraceLog(int? capacity = null) => Capacity = capacity;

    /// <summary>How many of the newest events are kept (null: all). Setting it drops the older ones at once.</summary>
    public int? Capacity
    {
        get { lock (gate) return capacity; }
        set
        {
            if (value is < 1) throw new ArgumentOutOfRangeException(nameof(value), "a trace keeps at least one event");
            lock (gate) { capacity = value; Trim(); }
        }
    }

    /// <summary>Events kept so far (every event, unless a capacity dropped the oldest), in order.</summary>
    public IReadOnlyList<TraceEvent> Events { get { lock (gate) return [.. events]; } }

    /// <summary>How many of the oldest events a capacity has dropped.</summary>
    public int Dropped { get { lock (gate) return recorded - events.Count; } }

    /// <summary>The digest the trace shows for a body: first 16 hex characters of SHA-256.</summary>
    public static string Digest(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body))[..16];

    /// <summary>Records a message on the wire (its addresses, kind and fields bounded).</summary>
    public MessageEvent Message(NetMessage m)
    {
        var from = TraceEvent.Bound(m.From);
        var to = TraceEvent.Bound(m.To);
        var kind = TraceEvent.Bound(m.Kind, TraceEvent.MaxText);
        var fields = TraceEvent.Bound(m.Fields);
        var digest = Digest(m.Body);
        lock (gate)
        {
            var e = new MessageEvent(recorded + 1, from, to, kind, fields, digest);
            Add(e);
            return e;
        }
    }

    /// <summary>Records a decision <paramref name="what"/> (a <see cref="TraceDecisions"/> name) taken by <paramref name="actor"/> (detail and reason bounded).</summary>
    public DecisionEvent Decide(string actor, string what, IReadOnlyDictionary<string, string>? detail = null, string reason = "")
    {
        var d = TraceEvent.Bound(detail ?? NetMessage.NoFields);
        var r = TraceEvent.Bound(reason, TraceEvent.MaxReason);
        lock (gate)
        {
            var e = new DecisionEvent(recorded + 1, TraceEvent.Bound(actor, TraceEvent.MaxText), TraceEvent.Bound(what, TraceEvent.MaxText), d, r);
            Add(e);
            return e;
        }
    }

    private void Add(TraceEvent e)
    {
        recorded++;
        events.Enqueue(e);
        Trim();
    }

    private void Trim()
    {
        while (capacity is { } c && events.Count > c) events.Dequeue();
    }

    /// <summary>Events recorded after the first <paramref name="from"/> (use <see cref="Count"/> as a bookmark) that are still kept.</summary>
    public IReadOnlyList<TraceEvent> Since(int from) { lock (gate) return events.Where(e => e.Seq > from).ToList(); }

    /// <summary>How many events were recorded, dropped ones included.</summary>
    public int Count { get { lock (gate) return recorded; } }

    /// <summary>The whole trace, one rendered event per line (preceded by how many were dropped, if any).</summary>
    public string Render()
    {
        var dropped = Dropped;
        var lines = Events.Select(e => e.Render());
        if (dropped > 0) lines = lines.Prepend($"... {dropped} earlier event(s) dropped (trace capacity {Capacity})");
        return string.Join('\n', lines) + "\n";
    }
}
