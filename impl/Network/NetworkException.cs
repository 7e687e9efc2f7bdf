namespace MultiWallet.Impl.Network;

/// <summary>Why a request did not get a usable response.</summary>
public enum NetworkFailure
{
    /// <summary>Nobody listens at the address, or it is marked down. Reported immediately.</summary>
    Unreachable,
    /// <summary>No party is known at the address at all (the network's "no such host"), as opposed to a known party that is down.</summary>
    UnknownAddress,
    /// <summary>The handler did not answer within <see cref="INetwork.Timeout"/> (or the message was dropped).</summary>
    Timeout,
    /// <summary>A response arrived but is not of a kind the protocol allows at this step.</summary>
    Garbled,
}

/// <summary>Typed network failure, so callers can route on it (skip an unreachable wallet, refuse WalletUnreachable...).</summary>
public sealed class NetworkException(NetworkFailure failure, Address to, string detail)
    : Exception($"{failure} {to}: {detail}")
{
    public NetworkFailure Failure { get; } = failure;
    public Address To { get; } = to;
    /// <summary>The reason alone, without failure and address.</summary>
    public string Detail { get; } = detail;
}
