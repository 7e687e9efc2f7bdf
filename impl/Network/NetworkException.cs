namespace MultiWallet.Impl.Network;

/// <summary>Typed network failure, so callers can route on it (skip an unreachable wallet, refuse WalletUnreachable...).</summary>
public sealed class NetworkException(NetworkFailure failure, Address to, string detail)
    : Exception($"{failure} {to}: {detail}")
{
    public NetworkFailure Failure { get; } = failure;
    public Address To { get; } = to;
    /// <summary>The reason alone, without failure and address.</summary>
    public string Detail { get; } = detail;
}
