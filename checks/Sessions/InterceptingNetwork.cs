using MultiWallet.Impl.Network;

namespace MultiWallet.Checks.Sessions;

/// <summary>
/// A client's network with an attacker beside it: every request the client sends goes through <paramref name="exchange"/>,
/// which may send attacks of its own on the inner network first, pass the request on, or hand the client another answer.
/// </summary>
internal sealed class InterceptingNetwork(INetwork inner, Func<NetMessage, INetwork, CancellationToken, Task<NetMessage>> exchange) : INetwork
{
    public TimeSpan Timeout => inner.Timeout;
    public TimeSpan TimeoutFor(NetMessage request) => inner.TimeoutFor(request);
    public TraceLog Trace => inner.Trace;
    public ITimeSource Time => inner.Time;
    public void Listen(Address at, Func<NetMessage, CancellationToken, Task<NetMessage>> handler) => inner.Listen(at, handler);
    public Task<NetMessage> SendAsync(NetMessage request, CancellationToken ct = default) => exchange(request, inner, ct);
}
