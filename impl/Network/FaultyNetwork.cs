namespace MultiWallet.Impl.Network;

/// <summary>
/// Decorator that injects faults into requests matching a predicate: garble (a function rewrites the
/// message before delivery) or drop (the sender sees a Timeout). Used by bad-input and fault tests;
/// it keeps the original of every faulted message so a test can replay the honest one afterwards.
/// </summary>
public sealed class FaultyNetwork(INetwork inner) : INetwork
{
    private readonly List<Rule> rules = [];
    private readonly List<NetMessage> originals = [];
    private readonly Lock gate = new();

    private sealed record Rule(Func<NetMessage, bool> Match, Func<NetMessage, NetMessage>? Rewrite, bool Drop, int Remaining)
    {
        public int Remaining { get; set; } = Remaining;
    }

    /// <inheritdoc/>
    public TimeSpan Timeout => inner.Timeout;
    /// <inheritdoc/>
    public TraceLog Trace => inner.Trace;

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
        lock (gate) rules.Add(new Rule(match, rewrite, false, times));
        return this;
    }

    /// <summary>Drops the next <paramref name="times"/> matching requests (sender sees Timeout).</summary>
    public FaultyNetwork Drop(Func<NetMessage, bool> match, int times = 1)
    {
        lock (gate) rules.Add(new Rule(match, null, true, times));
        return this;
    }

    /// <inheritdoc/>
    public void Listen(Address at, Func<NetMessage, CancellationToken, Task<NetMessage>> handler) =>
        inner.Listen(at, (m, ct) => handler(m, ct));

    /// <inheritdoc/>
    public Task<NetMessage> SendAsync(NetMessage request, CancellationToken ct = default)
    {
        Rule? hit;
        lock (gate)
        {
            if (RecordRequests) requests.Add(request);
            hit = rules.FirstOrDefault(r => r.Remaining > 0 && r.Match(request));
            if (hit is not null) { hit.Remaining--; originals.Add(request); }
        }
        if (hit is null) return Recorded(inner.SendAsync(request, ct));
        if (hit.Drop)
        {
            inner.Trace.Message(request);
            inner.Trace.Decide("fault", TraceDecisions.Drop, new Dictionary<string, string> { ["kind"] = request.Kind }, "fault injected");
            throw new NetworkException(NetworkFailure.Timeout, request.To, "dropped by fault injection");
        }
        inner.Trace.Decide("fault", TraceDecisions.Garble, new Dictionary<string, string> { ["kind"] = request.Kind }, "fault injected");
        return Recorded(inner.SendAsync(hit.Rewrite!(request), ct));
    }

    private async Task<NetMessage> Recorded(Task<NetMessage> pending)
    {
        var response = await pending.ConfigureAwait(false);
        if (RecordRequests) lock (gate) responses.Add(response);
        return response;
    }
}
