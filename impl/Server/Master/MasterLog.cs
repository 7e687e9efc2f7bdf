using MultiWallet.Impl.Network;

namespace MultiWallet.Impl.Server.Master;

/// <summary>
/// What a master wallet persists of its open sessions and reads back after a restart: the transaction log of the purchases
/// it signs itself (with its own or an acquired credential; the acquired key itself is never persisted) and the routing of
/// every proxied session (client session → slave and the slave's session id), so a restarted master still relays a session
/// its slave is running.
/// </summary>
/// <param name="Purchases">Open own purchases whose PReq was built, by client session.</param>
/// <param name="Proxied">Open proxied sessions, by client session.</param>
public sealed record MasterLog(IReadOnlyDictionary<string, PurchaseLog> Purchases, IReadOnlyDictionary<string, (Address Slave, string Upstream)> Proxied)
{
    /// <summary>The session log: who started each live client session, its last request and reply.</summary>
    public IReadOnlyDictionary<string, SessionRecord> Sessions { get; init; } = new Dictionary<string, SessionRecord>();

    /// <summary>Nothing persisted.</summary>
    public static readonly MasterLog Empty = new(new Dictionary<string, PurchaseLog>(), new Dictionary<string, (Address, string)>());
}
