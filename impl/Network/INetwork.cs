namespace MultiWallet.Impl.Network;

/// <summary>
/// Request/response network. Task-based so that an HTTP transport can replace the in-memory one
/// with no change in parties. Every request and response is appended to <see cref="Trace"/>.
/// </summary>
public interface INetwork
{
    /// <summary>Base bounded wait for one response (the merchant hop's wait; see <see cref="TimeoutFor"/>).</summary>
    TimeSpan Timeout { get; }

    /// <summary>The bounded wait for <paramref name="request"/> on its hop (<see cref="HopTimeouts"/>).</summary>
    TimeSpan TimeoutFor(NetMessage request) => HopTimeouts.For(request, Timeout);

    /// <summary>The time the bounded waits run on (virtual in memory, the wall clock over HTTP).</summary>
    ITimeSource Time { get; }

    /// <summary>
    /// How long a receiver still working on <paramref name="request"/> lets a repeat of it wait before it answers
    /// <c>Wallet.Working</c> (<see cref="KeepAlive"/>): inside the sender's wait for the hop, so the sender hears it first.
    /// </summary>
    TimeSpan KeepAliveFor(NetMessage request) => KeepAlive.For(TimeoutFor(request), Timeout);

    /// <summary>Where every request, response and failure decision is recorded.</summary>
    TraceLog Trace { get; }

    /// <summary>Serves requests addressed to <paramref name="at"/> with <paramref name="handler"/>.</summary>
    void Listen(Address at, Func<NetMessage, CancellationToken, Task<NetMessage>> handler);

    /// <summary>Sends and waits for the response; throws <see cref="NetworkException"/> on failure.</summary>
    Task<NetMessage> SendAsync(NetMessage request, CancellationToken ct = default);
}
