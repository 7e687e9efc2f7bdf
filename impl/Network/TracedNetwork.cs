using System.Collections.Concurrent;

namespace MultiWallet.Impl.Network;

/// <summary>
/// The behaviour every transport shares, in one place: the sender records the request, decides
/// Unreachable for a down or unknown address before any I/O, waits at most <see cref="Timeout"/> for the
/// answer (per hop: <see cref="HopTimeouts"/>) on its <see cref="Time"/>, records the failure decision (Unreachable /
/// Timeout / Garbled) or the response.
/// Transports only implement <see cref="DeliverAsync"/>, so a scenario renders the same trace on any of them.
/// The bounded wait is a timer of <see cref="Time"/>: virtual in memory (deterministic, replays from the seed),
/// the wall clock over HTTP (<see cref="TimeoutsFired"/> lets a caller tell such a timeout from a verdict).
/// </summary>
public abstract class TracedNetwork(TraceLog trace, TimeSpan? timeout, ITimeSource time) : INetwork
{
    /// <summary>The bounded wait when none is given (docs/DECISIONS.md): the same value in memory (virtual) and over HTTP.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Decision reason when the address is down or nobody listens (same text on every transport).</summary>
    public const string UnreachableReason = "no listener or address down";

    private readonly ConcurrentDictionary<Address, bool> down = new();
    private int timeoutsFired;
    private int refusalsFired;

    /// <inheritdoc/>
    public TimeSpan Timeout { get; } = timeout ?? DefaultTimeout;
    /// <summary>The time the bounded wait runs on.</summary>
    public ITimeSource Time { get; } = time;
    /// <summary>How many sends ended in a Timeout decided by this network (not by fault injection).</summary>
    public int TimeoutsFired => Volatile.Read(ref timeoutsFired);
    /// <summary>
    /// How many sends to a party that was listening failed in the transport itself (<see cref="TransportException.Environmental"/>:
    /// refused, not connected in time, broken mid-exchange, its handler over the host's wall-clock limit). A listener stopped on purpose is not listening, and a party
    /// marked down is decided before any I/O, so neither counts: what counts is the machine's, never the system's.
    /// </summary>
    public int RefusalsFired => Volatile.Read(ref refusalsFired);
    /// <summary>Sends the environment cut short (<see cref="TimeoutsFired"/> + <see cref="RefusalsFired"/>): over real sockets a run with any cannot be judged.</summary>
    public int EnvironmentFailures => TimeoutsFired + RefusalsFired;
    /// <summary>What <see cref="EnvironmentFailures"/> counts, in words, for an inconclusive verdict.</summary>
    public string DescribeEnvironmentFailures() =>
        $"{TimeoutsFired} send(s) timed out and {RefusalsFired} refused or broken by the transport on the wall clock over real sockets";
    /// <inheritdoc/>
    public TraceLog Trace { get; } = trace;
    /// <summary>The per-hop wait table (<see cref="HopTimeouts.Faithful"/> unless a world substitutes one).</summary>
    public IHopTimeouts Hops { get; set; } = HopTimeouts.Faithful;

    /// <inheritdoc/>
    public TimeSpan TimeoutFor(NetMessage request) => Hops.For(request, Timeout);

    /// <inheritdoc/>
    public abstract void Listen(Address at, Func<NetMessage, CancellationToken, Task<NetMessage>> handler);

    /// <summary>True when a handler of this network listens at <paramref name="at"/>.</summary>
    public abstract bool IsListening(Address at);

    /// <summary>True when a request to <paramref name="at"/> has somewhere to go (a handler or a mapped URL).</summary>
    protected abstract bool HasRoute(Address at);

    /// <summary>
    /// Delivers the request and returns the response. Throws <see cref="TransportException"/> for a
    /// transport failure (the base records the decision); anything else the handler throws passes through. <paramref name="ct"/> is cancelled at the timeout.
    /// </summary>
    protected abstract Task<NetMessage> DeliverAsync(NetMessage request, CancellationToken ct);

    /// <summary>Marks an address down (or up again); a down address is Unreachable, decided by the sender.</summary>
    public void SetDown(Address at, bool isDown)
    {
        if (isDown) down[at] = true; else down.TryRemove(at, out _);
    }

    /// <summary>True when <paramref name="at"/> is marked down.</summary>
    public bool IsDown(Address at) => down.ContainsKey(at);

    private readonly ConcurrentDictionary<Address, bool> silent = new();

    /// <summary>
    /// Marks an address silent (or answering again): a request to it is accepted but never answered, so the sender waits
    /// its whole bounded wait for the hop and sees a Timeout (a hung server, unlike a down one, which fails at once).
    /// </summary>
    public void SetSilent(Address at, bool isSilent)
    {
        if (isSilent) silent[at] = true; else silent.TryRemove(at, out _);
    }

    /// <summary>True when <paramref name="at"/> is marked silent.</summary>
    public bool IsSilent(Address at) => silent.ContainsKey(at);

    /// <summary>An answer that never comes; it ends (cancelled) only when the sender gives up.</summary>
    private static async Task<NetMessage> SilenceAsync(CancellationToken ct)
    {
        var never = new TaskCompletionSource<NetMessage>();
        await using (ct.Register(() => never.TrySetCanceled(ct)).ConfigureAwait(false))
            return await never.Task.ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<NetMessage> SendAsync(NetMessage request, CancellationToken ct = default)
    {
        Trace.Message(request);
        // No route at all is the network's "no such host"; a known party that is down is Unreachable.
        if (!HasRoute(request.To))
            throw Failed(NetworkFailure.UnknownAddress, request.To, "no party at this address");
        if (IsDown(request.To))
            throw Failed(NetworkFailure.Unreachable, request.To, UnreachableReason);
        var limit = TimeoutFor(request);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        NetMessage response;
        try
        {
            response = await Time.WithinAsync(IsSilent(request.To) ? SilenceAsync(cts.Token) : DeliverAsync(request, cts.Token), limit, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Interlocked.Increment(ref timeoutsFired);
            // Synchronously: the handler's cancellation runs now, on this thread (a virtual run has no other).
            cts.Cancel();
            throw Failed(NetworkFailure.Timeout, request.To, $"no answer within {limit.TotalMilliseconds} ms");
        }
        catch (TransportException e) when (!ct.IsCancellationRequested)
        {
            if (e.Failure == NetworkFailure.Timeout) Interlocked.Increment(ref timeoutsFired);
            else if (e.Environmental && IsListening(request.To)) Interlocked.Increment(ref refusalsFired);
            throw Failed(e.Failure, request.To, e.Detail);
        }
        // Any other exception (a handler's own NetworkException included) passes through untraced, as a call would.
        Trace.Message(response);
        return response;
    }

    private NetworkException Failed(NetworkFailure failure, Address to, string reason)
    {
        Trace.Decide("network", TraceDecisions.Of(failure), new Dictionary<string, string> { ["to"] = to.Value }, reason);
        return new NetworkException(failure, to, reason);
    }
}
