namespace MultiWallet.Impl.Network;

/// <summary>
/// A per-hop wait table: which bounded wait applies to one request, given the network's base timeout. A network
/// is given one (<see cref="TracedNetwork.Hops"/>); the faithful table is <see cref="HopTimeouts.Faithful"/>.
/// </summary>
public interface IHopTimeouts
{
    /// <summary>The wait for <paramref name="request"/>, given the base <paramref name="baseTimeout"/>.</summary>
    TimeSpan For(NetMessage request, TimeSpan baseTimeout);
}
