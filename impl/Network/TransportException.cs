namespace MultiWallet.Impl.Network;

/// <summary>
/// Thrown by <see cref="TracedNetwork.DeliverAsync"/> for a failure of the transport itself (refused, closed,
/// garbage, non-2xx); the base records the decision and rethrows it as a <see cref="NetworkException"/>.
/// </summary>
public sealed class TransportException(NetworkFailure failure, string detail, Exception? inner = null)
    : Exception($"{failure}: {detail}", inner)
{
    /// <summary>The failure the sender reports.</summary>
    public NetworkFailure Failure { get; } = failure;
    /// <summary>The reason alone.</summary>
    public string Detail { get; } = detail;

    /// <summary>
    /// The transport itself gave out — the connection refused or not established in time, broken mid-exchange, or the
    /// host's wall-clock limit on its handler (503) — rather than a party answering wrongly. Sent to a party that is listening, that is the machine's load, not the
    /// system (<see cref="TracedNetwork.RefusalsFired"/>).
    /// </summary>
    public bool Environmental { get; init; }
}
