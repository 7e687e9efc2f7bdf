using System.Collections.Concurrent;

namespace MultiWallet.Impl.Network;

/// <summary>
/// In-process network: a dictionary of handlers. Unknown or down addresses fail at once
/// (<see cref="NetworkFailure.Unreachable"/>) so routing tests do not wait; a handler that does not answer hits
/// <see cref="TracedNetwork.Timeout"/> of virtual time (drive the sender with <see cref="VirtualTime.Run{T}"/>).
/// Tracing, down-marking and failure decisions live in <see cref="TracedNetwork"/>, shared with the HTTP transport.
/// </summary>
public sealed class InMemoryNetwork(TraceLog trace, TimeSpan? timeout, VirtualTime time) : TracedNetwork(trace, timeout, time)
{
    /// <summary>An in-memory network with a virtual time of its own, starting at <paramref name="start"/>.</summary>
    public InMemoryNetwork(TraceLog trace, TimeSpan? timeout, DateTime start) : this(trace, timeout, new VirtualTime(start)) { }

    /// <summary>The virtual time its waits run on.</summary>
    public new VirtualTime Time => (VirtualTime)base.Time;

    private readonly ConcurrentDictionary<Address, Func<NetMessage, CancellationToken, Task<NetMessage>>> handlers = new();

    /// <inheritdoc/>
    public override void Listen(Address at, Func<NetMessage, CancellationToken, Task<NetMessage>> handler) => handlers[at] = handler;

    /// <inheritdoc/>
    public override bool IsListening(Address at) => handlers.ContainsKey(at);

    /// <inheritdoc/>
    protected override bool HasRoute(Address at) => handlers.ContainsKey(at);

    /// <inheritdoc/>
    protected override Task<NetMessage> DeliverAsync(NetMessage request, CancellationToken ct)
    {
        Time.OnDriver();
        return handlers.TryGetValue(request.To, out var handler)
            ? handler(request, ct)
            : throw new TransportException(NetworkFailure.Unreachable, UnreachableReason);
    }
}
