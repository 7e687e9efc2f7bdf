namespace MultiWallet.Impl.Network;

/// <summary>
/// Decorator that injects faults into requests matching a predicate: garble (a function rewrites the
/// message before delivery), drop (never delivered; the sender sees a Timeout at once), delay (delivered and
/// handled, but the answer comes after the sender's timeout: the sender sees a Timeout when its own bounded wait
/// for that hop expires, on the world's time, and the answer is lost) or duplicate (delivered twice; the sender
/// gets the second answer; the second copy arrives after the first was handled), or concurrent (two copies in flight at
/// the same time, <see cref="Concurrent"/>). Because a delay lasts the hop's real wait, the order in
/// which nested waits expire is part of what a delay tests; in memory that time is virtual, so a fault check never
/// depends on elapsed wall time.
/// Used by bad-input and fault tests; it keeps the original of every faulted message so a test can replay
/// the honest one afterwards.
/// </summary>
/// <param name="inner">The network the faults are injected into.</param>
/// <param name="time">The time a delayed answer waits on: the world's (virtual in memory, the wall clock over HTTP).</param>
/// <para>
/// The same rules apply where a request from a party in another process is received (<see cref="ReceiveAsync"/>, the
/// <see cref="IRemoteIntake"/> of an HTTP listener): the fault is applied at our receiving end with the effect the
/// sender would see of the same fault on its side. Over HTTP a sender's wait is its own wall clock, so where the sender
/// must see a Timeout the connection is held until it gives up (see <see cref="ReceiveAsync"/>).
/// </para>
public sealed class FaultyNetwork(INetwork inner, ITimeSource time) : INetwork, IRemoteIntake
{
    private readonly List<Rule> rules = [];
    private readonly List<NetMessage> originals = [];
    private readonly Lock gate = new();

    private readonly Dictionary<Address, int> restarts = [];

    private enum Fault { Garble, Drop, Delay, Duplicate, Crash, Concurrent }

    // A concurrent copy waiting for its moment: started when the first copy's receiver sends a request of its own.
    private (Address Receiver, Func<Task<NetMessage>> Start)? pendingCopy;

    private sealed record Rule(Func<NetMessage, bool> Match, Func<NetMessage, NetMessage>? Rewrite, Fault Fault, int Remaining, Func<Address?>? Restart = null, string? At = null, bool SenderStops = false)
    {
        public int Remaining { get; set; } = Remaining;
    }

    /// <inheritdoc/>
    public TimeSpan Timeout => inner.Timeout;
    /// <inheritdoc/>
    public TimeSpan TimeoutFor(NetMessage request) => inner.TimeoutFor(request);
    /// <inheritdoc/>
    public TraceLog Trace => inner.Trace;
    /// <inheritdoc/>
    public ITimeSource Time => time;

    /// <summary>When true, every request passing through is kept in <see cref="Requests"/> and its response in
    /// <see cref="Responses"/> (tests replay captured messages and scan every body for secrets).</summary>
    public bool RecordRequests { get; set; }

    private readonly List<NetMessage> requests = [];
    private readonly List<NetMessage> responses = [];

    /// <summary>Responses to the requests recorded while <see cref="RecordRequests"/> was on.</summary>
    public IReadOnlyList<NetMessage> Responses { get { lock (gate) return [.. responses]; } }

    /// <summary>Requests seen while <see cref="RecordRequests"/> was on, as sent by their sender (before any fault).</summary>
    public IReadOnlyList<NetMessage> Requests { get { lock (gate) return [.. requests]; } }

    /// <summary>Originals of the messages that were faulted, in order.</summary>
    public IReadOnlyList<NetMessage> Originals { get { lock (gate) return [.. originals]; } }

    /// <summary>Rewrites the next <paramref name="times"/> matching requests.</summary>
    public FaultyNetwork Garble(Func<NetMessage, bool> match, Func<NetMessage, NetMessage> rewrite, int times = 1)
    {
        lock (gate) rules.Add(new Rule(match, rewrite, Fault.Garble, times));
        return this;
    }

    /// <summary>Drops the next <paramref name="times"/> matching requests (sender sees Timeout). <paramref name="at"/> names the position in the fault's trace decision (detail "at"), when the kind alone does not.</summary>
    public FaultyNetwork Drop(Func<NetMessage, bool> match, int times = 1, string? at = null)
    {
        lock (gate) rules.Add(new Rule(match, null, Fault.Drop, times, At: at));
        return this;
    }

    /// <summary>
    /// Delivers the next <paramref name="times"/> matching requests but loses their answers past the sender's
    /// timeout: the receiver handles the request (and changes its state), the sender sees Timeout. <paramref name="at"/>: as for <see cref="Drop"/>.
    /// </summary>
    public FaultyNetwork Delay(Func<NetMessage, bool> match, int times = 1, string? at = null)
    {
        lock (gate) rules.Add(new Rule(match, null, Fault.Delay, times, At: at));
        return this;
    }

    /// <summary>Delivers the next <paramref name="times"/> matching requests twice; the sender gets the second answer. <paramref name="at"/>: as for <see cref="Drop"/>.</summary>
    public FaultyNetwork Duplicate(Func<NetMessage, bool> match, int times = 1, string? at = null)
    {
        lock (gate) rules.Add(new Rule(match, null, Fault.Duplicate, times, At: at));
        return this;
    }

    /// <summary>
    /// Delivers the next <paramref name="times"/> matching requests twice with both copies in flight at the same time: the
    /// second starts while the first is being handled — as soon as the receiver sends a request of its own (the merchant
    /// asking the gateway), or else when the first copy first yields — and the sender gets the second answer.
    /// <paramref name="at"/>: as for <see cref="Drop"/>.
    /// </summary>
    public FaultyNetwork Concurrent(Func<NetMessage, bool> match, int times = 1, string? at = null)
    {
        lock (gate) rules.Add(new Rule(match, null, Fault.Concurrent, times, At: at));
        return this;
    }

    /// <summary>
    /// Crash and restart: the next matching request is delivered and handled; once its answer is back, <paramref name="restart"/>
    /// replaces a party by a fresh instance built from what it persists and returns that party's address (null: nobody
    /// was restarted). Every answer still owed by a restarted party is lost with its connection: the sender of a request
    /// the party was handling sees a Timeout (the crashed instance may finish its work, but its reply reaches nobody).
    /// So a crash of the receiver loses the matching request's own answer, and a crash of a party that sent it (its
    /// request was handled; it died waiting) loses the answer to whatever that party was handling. With
    /// <paramref name="senderStops"/>, a restarted sender (a party whose work is a caller's, the user PC) gets a
    /// <see cref="SenderCrashedException"/> instead of the answer: it does nothing more, its restarted instance takes over.
    /// </summary>
    public FaultyNetwork Crash(Func<NetMessage, bool> match, Func<Address?> restart, string? at = null, bool senderStops = false)
    {
        lock (gate) rules.Add(new Rule(match, null, Fault.Crash, 1, restart, at, senderStops));
        return this;
    }

    /// <summary>How many times a sender in another process did not give up on a request held for it within <see cref="HoldBound"/> (see <see cref="ReceiveAsync"/>).</summary>
    public int HoldsExpired => Volatile.Read(ref holdsExpired);

    private int holdsExpired;

    /// <summary>
    /// How long a request from another process is held for its sender to give up: three times the sender's bounded wait
    /// for that hop (<see cref="INetwork.TimeoutFor"/>, the wait the provisioned <c>timeout</c> gives it), generous
    /// against a loaded machine; past it the sender is not behaving as one that waits a bounded time, or the machine is
    /// too slow to tell, and the run cannot be judged (<see cref="HoldsExpired"/>).
    /// </summary>
    public TimeSpan HoldBound(NetMessage request) => inner.TimeoutFor(request) * 3;

    /// <summary>How many times the party at <paramref name="at"/> was restarted through <see cref="Crash"/>.</summary>
    public int Restarts(Address at) { lock (gate) return restarts.GetValueOrDefault(at); }

    /// <summary>Removes every rule not yet used up: the network heals.</summary>
    public FaultyNetwork Heal()
    {
        lock (gate) rules.Clear();
        return this;
    }

    /// <inheritdoc/>
    public void Listen(Address at, Func<NetMessage, CancellationToken, Task<NetMessage>> handler) =>
        inner.Listen(at, (m, ct) => handler(m, ct));

    /// <inheritdoc/>
    public Task<NetMessage> SendAsync(NetMessage request, CancellationToken ct = default)
    {
        Rule? hit;
        Func<Task<NetMessage>>? copy = null;
        lock (gate)
        {
            if (pendingCopy is { } p && p.Receiver == request.From) { copy = p.Start; pendingCopy = null; }
        }
        _ = copy?.Invoke();
        lock (gate)
        {
            if (RecordRequests) requests.Add(request);
            hit = rules.FirstOrDefault(r => r.Remaining > 0 && r.Match(request));
            if (hit is not null) { hit.Remaining--; originals.Add(request); }
        }
        if (hit is null) return Recorded(request, () => inner.SendAsync(request, ct));
        switch (hit.Fault)
        {
            case Fault.Drop:
                inner.Trace.Message(request);
                inner.Trace.Decide("fault", TraceDecisions.Drop, Detail(request, hit), "fault injected");
                throw new NetworkException(NetworkFailure.Timeout, request.To, "dropped by fault injection");
            case Fault.Delay:
                return DelayedAsync(request, hit, ct);
            case Fault.Duplicate:
                return DuplicatedAsync(request, hit, ct);
            case Fault.Crash:
                return CrashedAsync(request, hit, ct);
            case Fault.Concurrent:
                return ConcurrentAsync(request, hit, ct);
            default:
                inner.Trace.Decide("fault", TraceDecisions.Garble, new Dictionary<string, string> { ["kind"] = request.Kind }, "fault injected");
                return Recorded(request, () => inner.SendAsync(hit.Rewrite!(request), ct));
        }
    }

    /// <summary>A fault decision's detail: the request's kind, and the position the rule names, if any.</summary>
    private static Dictionary<string, string> Detail(NetMessage request, Rule rule)
    {
        var d = new Dictionary<string, string> { ["kind"] = request.Kind };
        if (rule.At is { } at) d["at"] = at;
        return d;
    }

    private async Task<NetMessage> DelayedAsync(NetMessage request, Rule rule, CancellationToken ct)
    {
        // The receiver handles the request in full; only its answer is late, so the sender gives up first, when its
        // bounded wait for this hop expires: a shorter wait elsewhere (an inner hop) expires before it.
        await inner.SendAsync(request, ct).ConfigureAwait(false);
        await time.Delay(inner.TimeoutFor(request), ct).ConfigureAwait(false);
        inner.Trace.Decide("fault", TraceDecisions.Delay, Detail(request, rule), "fault injected: answer after the sender's timeout");
        throw new NetworkException(NetworkFailure.Timeout, request.To, "answer delayed past the timeout by fault injection");
    }

    private async Task<NetMessage> DuplicatedAsync(NetMessage request, Rule rule, CancellationToken ct)
    {
        await inner.SendAsync(request, ct).ConfigureAwait(false);
        inner.Trace.Decide("fault", TraceDecisions.Duplicate, Detail(request, rule), "fault injected: delivered twice");
        return await Recorded(request, () => inner.SendAsync(request, ct)).ConfigureAwait(false);
    }

    private async Task<NetMessage> ConcurrentAsync(NetMessage request, Rule rule, CancellationToken ct)
    {
        Task<NetMessage>? second = null;
        Task<NetMessage> Second() => second ??= Recorded(request, () => inner.SendAsync(request, ct));
        lock (gate) pendingCopy = (request.To, Second);
        var first = inner.SendAsync(request, ct);
        if (!time.IsVirtual && !first.IsCompleted)
        {
            // On virtual time the receiver runs up to its first wait inside SendAsync, so the copy starts when it sends a
            // request of its own or, if it sends none, once the first copy is answered. Over a real transport its handling
            // starts later, on its own thread: starting the copy now would make the order of the two copies a race of
            // the machine (an AuthReq copy overtaking the first AuthRes). Wait for the same point instead.
            try { await first.ConfigureAwait(false); }
            catch (NetworkException) { }
        }
        lock (gate) pendingCopy = null;
        var answer = Second();
        inner.Trace.Decide("fault", TraceDecisions.Concurrent, Detail(request, rule), "fault injected: two copies in flight at the same time");
        try { await first.ConfigureAwait(false); }
        catch (NetworkException) { }
        return await answer.ConfigureAwait(false);
    }

    /// <summary>Restarts the party <paramref name="rule"/> names (if any), counted and traced as the crash fault's decision.</summary>
    private Address? Restarted(NetMessage request, Rule rule)
    {
        var party = rule.Restart!();
        if (party is { } p)
        {
            lock (gate) restarts[p] = restarts.GetValueOrDefault(p) + 1;
            var d = Detail(request, rule);
            d["party"] = p.Value;
            inner.Trace.Decide("fault", TraceDecisions.Crash, d, "fault injected: the party crashed and restarted from what it persists");
        }
        return party;
    }

    private async Task<NetMessage> CrashedAsync(NetMessage request, Rule rule, CancellationToken ct)
    {
        NetMessage response;
        Address? party = null;
        try { response = await Recorded(request, () => inner.SendAsync(request, ct)).ConfigureAwait(false); }
        finally { party = Restarted(request, rule); }
        if (party == request.To) throw Lost(request);
        if (rule.SenderStops && party == request.From) throw new SenderCrashedException(request.From, request.Kind);
        return response;
    }

    /// <summary>
    /// A request a party in another process sent to one of ours, received through the same rules as <see cref="SendAsync"/>
    /// (the same matching, the same use-once, the same trace decisions), each giving the sender what the same fault on
    /// its sending side gives it: drop — never handled, the sender sees a Timeout; delay — handled, the answer is lost
    /// past the sender's wait; duplicate — handled twice, the second answer goes back; concurrent — two copies handled,
    /// the second started as soon as the receiver sends a request of its own (else once the first is answered), its answer
    /// goes back; garble — the rewritten request is handled; crash — handled, then the party restarts: a restarted
    /// receiver's answer is lost (Timeout), a restarted sender (the system under test, restarted by <paramref name="handle"/>'s
    /// world) reads nothing more. "The sender sees a Timeout" is the connection held open, unanswered, until the sender
    /// aborts it (<paramref name="senderGone"/>): its own bounded wait decides, as it would for a lost message. A sender that
    /// has not given up within <see cref="HoldBound"/> is counted in <see cref="HoldsExpired"/> (the run is inconclusive) and
    /// its connection closed.
    /// </summary>
    public async Task<NetMessage?> ReceiveAsync(NetMessage request, Func<NetMessage, Task<NetMessage>> handle, CancellationToken senderGone)
    {
        Rule? hit;
        // A concurrent copy waits for its receiver's own request, which a party of ours sends (SendAsync), never this sender.
        lock (gate)
        {
            hit = rules.FirstOrDefault(r => r.Remaining > 0 && r.Match(request));
            if (hit is not null) { hit.Remaining--; originals.Add(request); }
        }
        if (hit is null) return await ReceivedAsync(request, handle, senderGone).ConfigureAwait(false);
        switch (hit.Fault)
        {
            case Fault.Drop:
                inner.Trace.Message(request);
                inner.Trace.Decide("fault", TraceDecisions.Drop, Detail(request, hit), "fault injected");
                return await HoldAsync(request, senderGone).ConfigureAwait(false);
            case Fault.Delay:
                await HandledAsync(request, handle).ConfigureAwait(false);
                inner.Trace.Decide("fault", TraceDecisions.Delay, Detail(request, hit), "fault injected: answer after the sender's timeout");
                return await HoldAsync(request, senderGone).ConfigureAwait(false);
            case Fault.Duplicate:
                await HandledAsync(request, handle).ConfigureAwait(false);
                inner.Trace.Decide("fault", TraceDecisions.Duplicate, Detail(request, hit), "fault injected: delivered twice");
                return await ReceivedAsync(request, handle, senderGone).ConfigureAwait(false);
            case Fault.Concurrent:
                return await ReceivedConcurrentAsync(request, hit, handle, senderGone).ConfigureAwait(false);
            case Fault.Crash:
                return await ReceivedCrashAsync(request, hit, handle, senderGone).ConfigureAwait(false);
            default:
                inner.Trace.Decide("fault", TraceDecisions.Garble, new Dictionary<string, string> { ["kind"] = request.Kind }, "fault injected");
                return await ReceivedAsync(hit.Rewrite!(request), handle, senderGone).ConfigureAwait(false);
        }
    }

    /// <summary>One delivery to the receiver's handler, traced as a delivery of ours is (the request as handled, then its answer).</summary>
    private async Task<NetMessage> HandledAsync(NetMessage request, Func<NetMessage, Task<NetMessage>> handle)
    {
        inner.Trace.Message(request);
        var response = await handle(request).ConfigureAwait(false);
        inner.Trace.Message(response);
        return response;
    }

    /// <summary>Handles a request from another process; its answer is lost (held) when its receiver restarted meanwhile, as <see cref="Recorded"/> decides for ours.</summary>
    private async Task<NetMessage?> ReceivedAsync(NetMessage request, Func<NetMessage, Task<NetMessage>> handle, CancellationToken senderGone)
    {
        int before;
        lock (gate) before = restarts.GetValueOrDefault(request.To);
        var response = await HandledAsync(request, handle).ConfigureAwait(false);
        bool restarted;
        lock (gate) restarted = restarts.GetValueOrDefault(request.To) != before;
        return restarted ? await HoldAsync(request, senderGone).ConfigureAwait(false) : response;
    }

    private async Task<NetMessage?> ReceivedConcurrentAsync(NetMessage request, Rule rule, Func<NetMessage, Task<NetMessage>> handle, CancellationToken senderGone)
    {
        Task<NetMessage?>? second = null;
        Task<NetMessage?> Second() => second ??= ReceivedAsync(request, handle, senderGone);
        lock (gate) pendingCopy = (request.To, async () => await Second().ConfigureAwait(false) ?? throw Lost(request));
        var first = HandledAsync(request, handle);
        // As in ConcurrentAsync over a real transport: the copy starts when the receiver sends a request of its own, else once the first is answered.
        try { await first.ConfigureAwait(false); }
        catch (NetworkException) { }
        lock (gate) pendingCopy = null;
        var answer = Second();
        inner.Trace.Decide("fault", TraceDecisions.Concurrent, Detail(request, rule), "fault injected: two copies in flight at the same time");
        return await answer.ConfigureAwait(false);
    }

    private async Task<NetMessage?> ReceivedCrashAsync(NetMessage request, Rule rule, Func<NetMessage, Task<NetMessage>> handle, CancellationToken senderGone)
    {
        NetMessage? response = null;
        Address? party;
        try { response = await HandledAsync(request, handle).ConfigureAwait(false); }
        finally { party = Restarted(request, rule); }
        // The receiver's answer went down with it; a restarted sender waits for nothing (its old connection ends with it).
        return party == request.To || party == request.From ? await HoldAsync(request, senderGone).ConfigureAwait(false) : response;
    }

    /// <summary>No answer: the connection stays open until the sender gives up (null), at most <see cref="HoldBound"/> (counted, null).</summary>
    private async Task<NetMessage?> HoldAsync(NetMessage request, CancellationToken senderGone)
    {
        try { await time.Delay(HoldBound(request), senderGone).ConfigureAwait(false); }
        catch (OperationCanceledException) when (senderGone.IsCancellationRequested) { return null; }
        Interlocked.Increment(ref holdsExpired);
        return null;
    }

    private static NetworkException Lost(NetMessage request) =>
        new(NetworkFailure.Timeout, request.To, $"{request.To.Value} restarted before answering {request.Kind}: the answer was lost with its connection");

    private async Task<NetMessage> Recorded(NetMessage request, Func<Task<NetMessage>> send)
    {
        int before;
        lock (gate) before = restarts.GetValueOrDefault(request.To);
        var response = await send().ConfigureAwait(false);
        lock (gate)
        {
            // A party restarted while it handled this request: its answer went down with the connection.
            if (restarts.GetValueOrDefault(request.To) != before) throw Lost(request);
            if (RecordRequests) responses.Add(response);
        }
        return response;
    }
}
