using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;

namespace MultiWallet.Impl.Server.Master;

/// <summary>
/// The virtual WUM inside the master wallet (¶0094, ¶0101): to the client WUM the master looks like the
/// slave; to the slave it looks like a client WUM. It forwards every session step to the slave and every
/// reply back with the bodies untouched — only the session id is rewritten — so the slave and the merchant
/// see byte for byte the exchange of a direct session (INV-PROXY-TRANSPARENT). It cannot read the payment
/// instructions: they are enveloped for the gateway. A proxied session is forgotten when it ends or
/// <see cref="ServerWallet.SessionLifetime"/> after it opened, on the master's clock.
/// Toward the slave it is a client like any other: it runs the slave session under the master's own login there
/// (<see cref="ClientLogin"/>: a fresh unguessable session id, numbered as the client numbered its requests, every slave
/// reply authenticated); the master's <see cref="SessionGuard"/> seals what goes back to the client.
/// </summary>
public sealed class VirtualWum
{
    private readonly INetwork net;
    private readonly Address self;
    private readonly string actor;
    private readonly ClientLogin login;
    private readonly ExpiringTable<string, (Address Slave, string Upstream)> sessions;
    private readonly Lock gate = new();

    /// <summary>
    /// The virtual WUM of the master at <paramref name="self"/> (tracing as <paramref name="actor"/>), opening slave sessions under
    /// <paramref name="login"/>, expiring proxied sessions on <paramref name="clock"/>; <paramref name="persisted"/> is the session
    /// routing a restarted master reads back.
    /// </summary>
    public VirtualWum(INetwork net, Address self, string actor, ClientLogin login, IClock? clock = null, IReadOnlyDictionary<string, (Address Slave, string Upstream)>? persisted = null)
    {
        this.net = net; this.self = self; this.actor = actor; this.login = login;
        sessions = new(clock ?? new FixedClock(), ServerWallet.SessionLifetime, StringComparer.Ordinal);
        foreach (var (session, route) in persisted ?? new Dictionary<string, (Address, string)>()) sessions.TryAdd(session, route);
    }

    /// <summary>Every open proxied session's routing (what a restarted master reads back).</summary>
    public IReadOnlyDictionary<string, (Address Slave, string Upstream)> Routes
    {
        get
        {
            lock (gate)
            {
                sessions.Sweep();
                return sessions.Snapshot();
            }
        }
    }

    /// <summary>True when the client session is proxied to a slave.</summary>
    public bool Owns(string session)
    {
        lock (gate)
        {
            sessions.Sweep();
            return sessions.ContainsKey(session);
        }
    }

    /// <summary>Proxied sessions held (expired ones not yet swept included).</summary>
    public int SessionCount { get { lock (gate) return sessions.Count; } }

    /// <summary>Opens the slave session with the client's wake-up bytes; a refusal reply when the slave does not answer.</summary>
    public async Task<NetMessage> StartAsync(NetMessage clientStart, byte[] wakeUpBytes, string slave, string clientSession, bool typedAddress, CancellationToken ct)
    {
        var to = Address.ServerWallet(slave);
        if (login.KeyFor(slave) is null)
            return WalletReplies.Refuse(clientStart, clientSession, Refused.Because(RefusalReason.WalletUnreachable, slave, $"{actor} has no login at {slave}"));
        var upstream = login.NewSessionId();
        NetMessage resp;
        try
        {
            resp = await Channel(to, upstream).SendAsync(WalletProtocol.Start, wakeUpBytes, Upstream(clientStart.Fields), 0, ct).ConfigureAwait(false);
        }
        catch (NetworkException e)
        {
            var reason = typedAddress && e.Failure == NetworkFailure.UnknownAddress ? RefusalReason.UnknownAddress : RefusalReason.WalletUnreachable;
            return WalletReplies.Refuse(clientStart, clientSession, Refused.Because(reason, slave, $"{slave} {e.Failure} at session start"));
        }
        // The slave answered: the proxied session exists from here on (an unreachable slave gets no hop).
        net.Trace.Decide(actor, TraceDecisions.ProxyHop, new Dictionary<string, string> { ["to"] = slave }, "virtual WUM relays the slave session; bodies pass unchanged");
        if (resp.Kind == WalletProtocol.Forward)
            lock (gate)
            {
                sessions.Remove(clientSession);
                sessions.TryAdd(clientSession, (to, upstream));
            }
        return Back(clientStart, resp, clientSession);
    }

    /// <summary>Relays a client Deliver to the slave and its reply back; a slave that stops answering is WalletUnreachable.</summary>
    public async Task<NetMessage> DeliverAsync(NetMessage clientDeliver, string clientSession, CancellationToken ct)
    {
        (Address Slave, string Upstream) s;
        lock (gate)
        {
            if (!sessions.TryGet(clientSession, out s))
                return WalletReplies.Refuse(clientDeliver, clientSession, Refused.Because(RefusalReason.ProtocolError, actor, $"unknown session at {actor}"));
        }
        NetMessage resp;
        try
        {
            resp = await Channel(s.Slave, s.Upstream).SendAsync(WalletProtocol.Deliver, clientDeliver.Body, Upstream(clientDeliver.Fields), SessionAuth.Seq(clientDeliver) ?? 0, ct).ConfigureAwait(false);
        }
        catch (NetworkException e)
        {
            lock (gate) sessions.Remove(clientSession);
            return WalletReplies.Refuse(clientDeliver, clientSession, Refused.Because(RefusalReason.WalletUnreachable, s.Slave.WalletName, $"{s.Slave.WalletName} {e.Failure} during proxied session"));
        }
        if (resp.Kind != WalletProtocol.Forward) lock (gate) sessions.Remove(clientSession);
        return Back(clientDeliver, resp, clientSession);
    }

    /// <summary>The slave session's client end (the master's login there; a slave without one was refused at the start).</summary>
    private SessionChannel Channel(Address slave, string upstream)
    {
        var name = slave.WalletName ?? slave.Value;
        return new SessionChannel(net, self, slave, name, login.Client, login.KeyFor(name) ?? [], upstream);
    }

    /// <summary>The client's reply: the slave's kind, body and trace fields; the master's guard seals it for the client's session.</summary>
    private static NetMessage Back(NetMessage request, NetMessage slaveReply, string clientSession) =>
        request.Reply(slaveReply.Kind, slaveReply.Body, new Dictionary<string, string>(Upstream(slaveReply.Fields)) { [WalletProtocol.SessionField] = clientSession });

    /// <summary>The trace fields one leg passes to the other, without the leg's own session fields.</summary>
    private static Dictionary<string, string> Upstream(IReadOnlyDictionary<string, string> fields) =>
        fields.Where(kv => kv.Key is not (WalletProtocol.SessionField or SessionAuth.SeqField or SessionAuth.MacField or SessionAuth.LoginField))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
}
