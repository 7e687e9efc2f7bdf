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
