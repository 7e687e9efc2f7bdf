using System.Collections.Concurrent;

namespace MultiWallet.Impl.Network;

/// <summary>
/// In-process network: a dictionary of handlers. Unknown or down addresses fail at once
/// (<see cref="NetworkFailure.Unreachable"/>) so routing tests do not wait; slow handlers hit <see cref="Timeout"/>.
/// </summary>
public sealed class InMemoryNetwork(TraceLog trace, TimeSpan? timeout = null) : INetwork
{
    private readonly ConcurrentDictionary<Address, Func<NetMessage, CancellationToken, Task<NetMessage>>> handlers = new();
    private readonly ConcurrentDictionary<Address, bool> down = new();

    public TimeSpan Timeout { get; } = timeout ?? TimeSpan.FromSeconds(5);
    public TraceLog Trace { get; } = trace;

    public void Listen(Address at, Func<NetMessage, CancellationToken, Task<NetMessage>> handler) => handlers[at] = handler;

    /// <summary>Marks an address down (or up again); a down address is Unreachable.</summary>
    public void SetDown(Address at, bool isDown)
    {
        if (isDown) down[at] = true; else down.TryRemove(at, out _);
    }

    public bool IsListening(Address at) => handlers.ContainsKey(at);

    public async Task<NetMessage> SendAsync(NetMessage request, CancellationToken ct = default)
    {
        Trace.Message(request);
        if (!handlers.TryGetValue(request.To, out var handler))
        {
            Trace.Decide("network", "UnknownAddress", new Dictionary<string, string> { ["to"] = request.To.Value }, "no party at this address");
            throw new NetworkException(NetworkFailure.UnknownAddress, request.To, "no party at this address");
        }
        if (down.ContainsKey(request.To))
        {
            Trace.Decide("network", "Unreachable", new Dictionary<string, string> { ["to"] = request.To.Value }, "address down");
            throw new NetworkException(NetworkFailure.Unreachable, request.To, "down");
        }
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        NetMessage response;
        try
        {
            response = await handler(request, cts.Token).WaitAsync(Timeout, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await cts.CancelAsync().ConfigureAwait(false);
            Trace.Decide("network", "Timeout", new Dictionary<string, string> { ["to"] = request.To.Value }, $"no answer within {Timeout.TotalMilliseconds} ms");
            throw new NetworkException(NetworkFailure.Timeout, request.To, "no answer in time");
        }
        Trace.Message(response);
        return response;
    }
}
