namespace MultiWallet.Impl.Network;

/// <summary>
/// Which bounded wait applies to one hop, so an inner hop always reports before the outer one gives up:
/// the merchant's wait for the gateway is shorter than a client's wait for the merchant, which is shorter
/// than a wallet's wait for another wallet (a master's proxy or custody hop), which is shorter than the
/// PC's wait for its wallet session. Expressed as fractions of the network's base timeout so a world built
/// with a short base keeps the same order; every other hop waits the base.
/// </summary>
public static class HopTimeouts
{
    /// <summary>The wait for a request to the hop <paramref name="from"/> → <paramref name="to"/>, given the base <paramref name="baseTimeout"/>.</summary>
    public static TimeSpan For(Address from, Address to, TimeSpan baseTimeout)
    {
        if (to == Address.Gateway) return baseTimeout * 0.4;
        if (to == Address.Merchant) return baseTimeout;
        if (to.WalletName is not null) return from.WalletName is not null ? baseTimeout * 2 : baseTimeout * 3;
        return baseTimeout;
    }

    /// <summary>The longest wait of any hop for the base <paramref name="baseTimeout"/> (a transport's own cap must not cut it short).</summary>
    public static TimeSpan Longest(TimeSpan baseTimeout) => baseTimeout * 3;
}
