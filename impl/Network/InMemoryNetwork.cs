using System.Collections.Concurrent;

namespace MultiWallet.Impl.Network;

/// <summary>
/// In-process network: a dictionary of handlers. Unknown or down addresses fail at once
/// (<see cref="NetworkFailure.Unreachable"/>) so routing tests do not wait; slow handlers hit <see cref="TracedNetwork.Timeout"/>.
/// Tracing, down-marking and failure decisions live in <see cref="TracedNetwork"/>, shared with the HTTP transport.
/// </summary>
public sealed class InMemoryNetwork(TraceLog trace, TimeSpan? timeout = null) : TracedNetwork(trace, timeout)
{
    private readonly ConcurrentDictionary<Address, Func<NetMessage, CancellationToken, Task<NetMessage>>> handlers = new();

    /// <inheritdoc/>
    public override void Listen(Address at, Func<NetMessage, CancellationToken, Task<NetMessage>> handler) => handlers[at] = handler;

    /// <inheritdoc/>
    public override bool IsListening(Address at) => handlers.ContainsKey(at);

    /// <inheritdoc/>
    protected override bool HasRoute(Address at) => handlers.ContainsKey(at);

    /// <inheritdoc/>
    protected override Task<NetMessage> DeliverAsync(NetMessage request, CancellationToken ct) =>
        handlers.TryGetValue(request.To, out var handler)
            ? handler(request, ct)
            : throw new TransportException(NetworkFailure.Unreachable, UnreachableReason);
}
