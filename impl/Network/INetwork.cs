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

    /// <summary>Where every request, response and failure decision is recorded.</summary>
    TraceLog Trace { get; }

    /// <summary>Serves requests addressed to <paramref name="at"/> with <paramref name="handler"/>.</summary>
    void Listen(Address at, Func<NetMessage, CancellationToken, Task<NetMessage>> handler);

    /// <summary>Sends and waits for the response; throws <see cref="NetworkException"/> on failure.</summary>
    Task<NetMessage> SendAsync(NetMessage request, CancellationToken ct = default);
}
