namespace MultiWallet.Impl.Network;

/// <summary>Typed network failure, so callers can route on it (skip an unreachable wallet, refuse WalletUnreachable...).</summary>
public sealed class NetworkException(NetworkFailure failure, Address to, string detail)
    : Exception($"{failure} {to}: {detail}")
{
    /// <summary>What went wrong.</summary>
    public NetworkFailure Failure { get; } = failure;
    /// <summary>The address the request was for.</summary>
    public Address To { get; } = to;
    /// <summary>The reason alone, without failure and address.</summary>
    public string Detail { get; } = detail;
}
