using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Bounded;

/// <summary>
/// INV-BOUNDED for the trace: a peer cannot push arbitrary text into it. Messages with huge kinds, addresses and fields
/// (and the refusal decisions that name them) are kept within a per-event bound, measured deterministically as the
/// characters the kept events hold (never the process's memory, which depends on the machine); honest events are kept
/// verbatim; a trace with a capacity keeps only its newest events and counts the others.
/// </summary>
internal static class TraceBoundChecks
{
    /// <summary>The most characters one event may hold: every string cut to its bound plus its marker, the fields counted.</summary>
    private const int Marker = 32;
    private const int PerEvent = (4 + 2 * (TraceEvent.MaxFields + 1)) * (TraceEvent.MaxText + Marker) + TraceEvent.MaxReason + Marker;

    /// <summary>The characters an event holds: every string of it.</summary>
    private static long Chars(TraceEvent e) => e switch
    {
        MessageEvent m => m.From.Value.Length + m.To.Value.Length + m.Kind.Length + m.Digest.Length + m.Fields.Sum(kv => (long)kv.Key.Length + kv.Value.Length),
        DecisionEvent d => d.Actor.Length + d.What.Length + d.Reason.Length + d.Detail.Sum(kv => (long)kv.Key.Length + kv.Value.Length),
        _ => 0,
    };

    [Check("BOUNDED-TRACE-ATTACKER-TEXT", Title = "messages with huge kinds, addresses and fields keep at most a fixed amount of text per trace event (the refusal decisions naming them too); honest events are kept verbatim; a trace with a capacity keeps only its newest events and counts the dropped ones",
        Requirements = ["INV-BOUNDED", "INV-BAD-INPUT"], Kind = CheckKind.Example)]
    public static CheckOutcome AttackerText(CheckContext ctx)
    {
        const int messages = 100;
        var world = new PaymentWorld(ctx.Seed);
        var hugeValue = new string('v', 20_000);
        var fields = Enumerable.Range(0, 2_000).ToDictionary(i => $"f{i:0000}-" + new string('k', 500), _ => hugeValue);
        var sent = 0L;
        for (var i = 0; i < messages; i++)
        {
            var kind = $"{i}-" + new string('K', 100_000);
            var from = new Address("pc/" + new string('A', 50_000));
            sent += kind.Length + from.Value.Length + fields.Sum(kv => (long)kv.Key.Length + kv.Value.Length);
            try { world.Run(ct => world.Network.SendAsync(new NetMessage(from, Address.Merchant, kind, new byte[16], fields), ct)); }
            catch (NetworkException) { /* a refusal by the network is a refusal too; what the trace kept is the point */ }
        }
        var events = world.Trace.Events;
        var kept = events.Sum(Chars);
        var widest = events.Max(Chars);
        if (widest > PerEvent) return Fail(ctx, world, $"one trace event holds {widest} characters, over the bound of {PerEvent}");
        if (kept > (long)events.Count * PerEvent) return Fail(ctx, world, $"the trace holds {kept} characters for {events.Count} events");
        if (!events.OfType<MessageEvent>().Any(m => m.Fields.ContainsKey(TraceEvent.MoreFields)) || !events.OfType<DecisionEvent>().Any(d => d.Reason.Contains("chars]", StringComparison.Ordinal)))
            return Fail(ctx, world, "no event shows a cut field list or a cut reason: the attacker text never reached the trace, the check tests nothing");

        // Honest events: exactly what an unbounded event renders.
        var honest = new TraceLog();
        var f = new Dictionary<string, string> { ["lid-m"] = "ORD-1", ["amount"] = "12800 JPY" };
        var e1 = honest.Message(new NetMessage(Address.Pc, Address.Merchant, "PInitReq", [1, 2, 3], f));
        var e2 = honest.Decide("merchant", TraceDecisions.Reject, f, "a short reason");
        if (e1.Render() != new MessageEvent(1, Address.Pc, Address.Merchant, "PInitReq", f, TraceLog.Digest([1, 2, 3])).Render()
            || e2.Render() != new DecisionEvent(2, "merchant", TraceDecisions.Reject, f, "a short reason").Render())
            return CheckOutcome.Fail("an honest event is not kept verbatim");

        // A window: the newest events only, the others counted.
        var window = new TraceLog(capacity: 50);
        for (var i = 0; i < 1_000; i++) window.Decide("peer", TraceDecisions.Reject, null, new string('r', 10_000));
        if (window.Events.Count != 50 || window.Dropped != 950 || window.Count != 1_000 || window.Since(990).Count != 10 || window.Events[0].Seq != 951
            || !window.Render().StartsWith("... 950 earlier event(s) dropped", StringComparison.Ordinal))
            return CheckOutcome.Fail($"a trace of capacity 50 after 1000 events keeps {window.Events.Count}, dropped {window.Dropped}, count {window.Count}");
        var windowChars = window.Events.Sum(Chars);
        return CheckOutcome.Pass($"{messages} messages carrying {sent:N0} characters of attacker text: {events.Count} events keep {kept:N0} characters (widest {widest}, bound {PerEvent} per event); honest events verbatim; a window of 50 after 1000 events of 10,000-character reasons keeps 50 ({windowChars:N0} characters), 950 dropped", messages + 1_002);
    }

    private static CheckOutcome Fail(CheckContext ctx, PaymentWorld world, string why)
    {
        ctx.Log(string.Join('\n', world.Trace.Events.Take(6).Select(e => e.Render()[..Math.Min(400, e.Render().Length)])));
        return CheckOutcome.Fail(why);
    }
}
