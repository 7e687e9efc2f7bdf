namespace MultiWallet.Impl.Network;

/// <summary>
/// Which bounded wait applies to one request, so an inner hop always reports before the outer one gives up:
/// the merchant's wait for the gateway (0.4 × base) is shorter than a client's wait for the merchant (the base),
/// which is shorter than a master wallet's wait for the slave session it proxies (2 × base), which is shorter than
/// the PC's wait for its own wallet session (3 × base). Every other request (brand queries, custody, user
/// questions, anything unknown) waits the base. Expressed as multiples of the network's base timeout so a world
/// built with a short base keeps the same order. <see cref="Faithful"/> is this table as a value a network is given.
/// </summary>
public static class HopTimeouts
{
    /// <summary>This table as an injectable value (the default of every network).</summary>
    public static IHopTimeouts Faithful { get; } = new Table();

    private sealed class Table : IHopTimeouts
    {
        public TimeSpan For(NetMessage request, TimeSpan baseTimeout) => HopTimeouts.For(request, baseTimeout);
    }

    private static readonly string[] SessionKinds = ["Wallet.Start", "Wallet.StartWithInfo", "Wallet.Deliver"];

    /// <summary>The wait for <paramref name="request"/>, given the base <paramref name="baseTimeout"/>.</summary>
    public static TimeSpan For(NetMessage request, TimeSpan baseTimeout)
    {
        if (request.To == Address.Gateway) return baseTimeout * 0.4;
        if (request.To.WalletName is not null && SessionKinds.Contains(request.Kind, StringComparer.Ordinal))
            return request.From.WalletName is not null ? baseTimeout * 2 : baseTimeout * 3;
        return baseTimeout;
    }

    /// <summary>The longest wait of any request for the base <paramref name="baseTimeout"/> (a transport's own cap must not cut it short).</summary>
    public static TimeSpan Longest(TimeSpan baseTimeout) => baseTimeout * 3;
}
