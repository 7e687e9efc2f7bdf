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
}
