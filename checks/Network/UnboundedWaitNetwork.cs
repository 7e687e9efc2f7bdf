using MultiWallet.Impl.Network;

namespace MultiWallet.Checks.Network;

/// <summary>
/// A client-side network that, for one message kind, waits for an answer that never comes and arms no timer: the
/// seeded hang of the virtual-time checks (a party awaiting something nobody will do). Everything else passes through.
/// </summary>
internal sealed class UnboundedWaitNetwork(INetwork inner, string kind) : INetwork
{
    /// <inheritdoc/>
    public TimeSpan Timeout => inner.Timeout;

    /// <inheritdoc/>
    public TraceLog Trace => inner.Trace;

    /// <inheritdoc/>
    public ITimeSource Time => inner.Time;

    /// <inheritdoc/>
    public void Listen(Address at, Func<NetMessage, CancellationToken, Task<NetMessage>> handler) => inner.Listen(at, handler);

    /// <inheritdoc/>
    public Task<NetMessage> SendAsync(NetMessage request, CancellationToken ct = default)
    {
        if (request.Kind != kind) return inner.SendAsync(request, ct);
        Trace.Message(request);
        return new TaskCompletionSource<NetMessage>().Task;
    }
}
