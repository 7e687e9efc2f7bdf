using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Routing;
using MultiWallet.Impl.Set;
using Org.BouncyCastle.Security;

namespace MultiWallet.Impl.Server.Master;

/// <summary>
/// The master server wallet (MSW; E7–E12, claims C8–C13). To the client's conventional WUM it is an
/// ordinary server wallet. When it holds the wake-up's brand it pays itself. Otherwise its
/// <see cref="ISlaveRouting"/> names the slave(s) and it either proxies the whole session through its
/// <see cref="VirtualWum"/> (E7, E9–E12) or, with <see cref="CertificateAcquisition"/> (E8), obtains the
/// slave's brand credential for this one order, pays itself and erases the credential.
/// Its own sessions, proxied sessions and acquired credentials live until the session finishes or
/// <see cref="ServerWallet.SessionLifetime"/> after it started, on the master's clock; a session that
/// expires takes its acquired credential with it (INV-BOUNDED, INV-CUSTODY).
/// Every session request passes its <see cref="SessionGuard"/> first (INV-SESSION-AUTH): nothing is routed, proxied or
/// acquired for a request that is not an authenticated login's start or next step of its own session, so an E8
/// acquisition happens only for the order of the wake-up an authenticated user's session is paying. A repeat of a request
/// it is still working on (waiting on a slave, a custodian or the user) is answered <see cref="WalletProtocol.Working"/>
/// (S4), so three silent attempts at a slave (3 × 2 T) do not outlast the PC's wait for the master (3 T).
/// </summary>
public sealed class MasterServerWallet
{
    private readonly INetwork net;
    private readonly ChainValidator validator;
    private readonly SecureRandom rng;
    private readonly ISlaveRouting routing;
    private readonly VirtualWum proxy;
    private readonly CertificateAcquisition? acquisition;
    private readonly Dictionary<string, CardholderCredential> own = new(StringComparer.Ordinal);
    private readonly ExpiringTable<string, Server.CardholderPurchase> sessions;
    private readonly IAcquiredCredentials acquired;
    private readonly Dictionary<string, PurchaseLog> log = new(StringComparer.Ordinal);
    private readonly HashSet<string> viaAcquired = new(StringComparer.Ordinal);
    private readonly SessionGuard guard;
    private readonly Lock gate = new();

    /// <summary>
    /// A master wallet at sw://<paramref name="name"/> routing to slaves with <paramref name="routing"/>; with <paramref name="acquisition"/>
    /// it acquires credentials (E8) instead of proxying. <paramref name="persisted"/> is what a restarted master reads back: its
    /// own purchases' transaction log (each comes back as a session that inquires), its proxied sessions' routing and its session log.
    /// Sessions are accepted from <paramref name="logins"/> (none when null); slave sessions are opened under <paramref name="slaveLogin"/>
    /// (no login at any slave when null).
    /// </summary>
    public MasterServerWallet(string name, INetwork net, ChainValidator validator, SecureRandom rng, ISlaveRouting routing, CertificateAcquisition? acquisition = null, IAcquiredCredentials? acquired = null, IClock? clock = null,
        MasterLog? persisted = null, WalletLogins? logins = null, ClientLogin? slaveLogin = null, IRequestAuthentication? authentication = null)
    {
        Name = name; this.net = net; this.validator = validator; this.rng = rng; this.routing = routing; this.acquisition = acquisition;
        clock ??= new FixedClock();
        this.acquired = acquired ?? new AcquiredCredentials(clock);
        sessions = new(clock, ServerWallet.SessionLifetime, StringComparer.Ordinal);
        persisted ??= MasterLog.Empty;
        guard = new SessionGuard(name, logins ?? new WalletLogins(), clock, net.Trace, persisted.Sessions, authentication, keepAlive: net);
        foreach (var (session, entry) in persisted.Purchases)
            if (sessions.TryAdd(session, Server.CardholderPurchase.Recover(entry, validator, rng, net.Trace, name))) log[session] = entry;
        At = Address.ServerWallet(name);
        proxy = new VirtualWum(net, At, name, slaveLogin ?? new ClientLogin(name, _ => null, rng), clock, persisted.Proxied);
        net.Listen(At, HandleAsync);
    }

    /// <summary>What the master persists now: its own open purchases' log and its proxied sessions' routing.</summary>
    public MasterLog Persisted
    {
        get
        {
            Sweep();
            lock (gate) return new MasterLog(new Dictionary<string, PurchaseLog>(log, StringComparer.Ordinal), proxy.Routes) { Sessions = guard.Persisted };
        }
    }

    /// <summary>The wallet name.</summary>
    public string Name { get; }
    /// <summary>Where the master listens.</summary>
    public Address At { get; }

    /// <summary>Brands the MSW holds itself.</summary>
    public IReadOnlyList<string> Brands { get { lock (gate) return own.Keys.Order(StringComparer.Ordinal).ToList(); } }

    /// <summary>Acquired (E8) credentials still held: must be 0 between purchases (INV-CUSTODY).</summary>
    public int AcquiredCredentialsHeld => acquired.Count;

    /// <summary>Entries of every collection the master keeps (own credentials, own sessions, session records, proxied sessions, acquired credentials).</summary>
    public int StateSize
    {
        get
        {
            int mine;
            lock (gate) mine = own.Count + sessions.Count + guard.Count;
            return mine + proxy.SessionCount + acquired.Count;
        }
    }

    /// <summary>Its own credentials (configuration: what a restarted master is given again).</summary>
    public IReadOnlyList<CardholderCredential> OwnCredentials { get { lock (gate) return own.Values.ToList(); } }

    /// <summary>
    /// Drops expired sessions (own and proxied) and the credentials they acquired now: the sweep a request would run, for
    /// the housekeeping timer of a real master (the driver's call here).
    /// </summary>
    public void SweepExpired()
    {
        Sweep();
        proxy.Owns("");
        guard.Sweep();
    }

    /// <summary>The logins the master accepts sessions from (configuration: what a restarted master is given again).</summary>
    public WalletLogins Logins => guard.Logins;

    /// <summary>Gives the master its own credential for a brand.</summary>
    public void AddCredential(CardholderCredential c) { lock (gate) own[c.Brand] = c; }

    private async Task<NetMessage> HandleAsync(NetMessage m, CancellationToken _)
    {
        // The work on a session request is detached from the connection it came on: when the PC gives up on that connection
        // and sends the request again, the repeat waits for the same work (S1) and hears Working while it goes on (S4).
        // Every wait of the work is bounded by its own hop's wait, so the work ends on its own.
        var ct = CancellationToken.None;
        var session = m.Field(WalletProtocol.SessionField) ?? "";
        switch (m.Kind)
        {
            case WalletProtocol.BrandQuery:
                return WalletReplies.Brands(m, Brands);
            case WalletProtocol.Start:
                return await guard.HandleAsync(m, opens: true, (r, s) => StartAsync(r, s, r.Body, null, ct)).ConfigureAwait(false);
            case ClientInfo.StartWithInfo:
                return await guard.HandleAsync(m, opens: true, (r, s) => StartWithInfoAsync(r, s, ct)).ConfigureAwait(false);
            case WalletProtocol.Deliver:
                return await guard.HandleAsync(m, opens: false, (r, s) => DeliverAsync(r, s, ct)).ConfigureAwait(false);
            default:
                return WalletReplies.Refuse(m, session, Refused.Because(RefusalReason.ProtocolError, Name, $"unexpected {m.Kind} at {Name}"));
        }
    }

    private Task<NetMessage> StartWithInfoAsync(NetMessage m, string session, CancellationToken ct)
    {
        ClientInfo info;
        try { info = ClientInfo.Decode(m.Body); }
        catch (SetException e) { return Task.FromResult(WalletReplies.Refuse(m, session, Refused.Because(RefusalReason.MalformedWakeUp, Name, $"client information does not parse at {Name}: {e.Error.Cause}"))); }
        return StartAsync(m, session, info.WakeUp, info, ct);
    }

    private async Task<NetMessage> StartAsync(NetMessage m, string session, byte[] wakeUpBytes, ClientInfo? info, CancellationToken ct)
    {
        WakeUp w;
        try { w = WakeUp.Decode(wakeUpBytes); }
        catch (SetException e) { return WalletReplies.Refuse(m, session, Refused.Because(RefusalReason.MalformedWakeUp, Name, e.Error.Cause + $" at {Name}")); }
        Sweep();
        lock (gate)
        {
            if (sessions.ContainsKey(session) || proxy.Owns(session))
                return WalletReplies.Refuse(m, session, Refused.Because(RefusalReason.ProtocolError, Name, $"missing or reused session id at {Name}"));
        }
        CardholderCredential? mine;
        lock (gate) mine = own.GetValueOrDefault(w.Brand);
        if (mine is not null)
        {
            RoutingTrace.Routed(net.Trace, Name, Name, $"{Name} holds {w.Brand} itself: pays directly");
            return Begin(m, session, w, mine);
        }
        var plan = await routing.PlanAsync(w, info, ct).ConfigureAwait(false);
        return await CandidateDispatch.RunAsync(plan, net.Trace, Name,
            slave => acquisition is null ? proxy.StartAsync(m, wakeUpBytes, slave, session, plan.TypedAddress, ct) : AcquireAndBeginAsync(m, session, w, slave, ct),
            WalletReplies.IsUnreachable,
            refused => WalletReplies.Refuse(m, session, refused)).ConfigureAwait(false);
    }

    private async Task<NetMessage> AcquireAndBeginAsync(NetMessage m, string session, WakeUp w, string slave, CancellationToken ct)
    {
        var (cred, refusal) = await acquisition!.AcquireAsync(slave, w, ct).ConfigureAwait(false);
        if (cred is null) return WalletReplies.Refuse(m, session, refusal!);
        net.Trace.Decide(Name, TraceDecisions.CredentialAcquired, new Dictionary<string, string> { ["from"] = slave, ["brand"] = w.Brand, ["lid-m"] = w.LidM }, "E8: brand certificate obtained for this one order");
        acquired.Hold(session, cred);
        lock (gate) viaAcquired.Add(session);
        return Begin(m, session, w, cred);
    }

    private NetMessage Begin(NetMessage m, string session, WakeUp w, CardholderCredential cred)
    {
        var p = new Server.CardholderPurchase(cred, validator, rng, net.Trace, Name);
        lock (gate) sessions.TryAdd(session, p);
        return Settle(m, session, p.Start(w));
    }

    private async Task<NetMessage> DeliverAsync(NetMessage m, string session, CancellationToken ct)
    {
        Sweep();
        if (proxy.Owns(session)) return await proxy.DeliverAsync(m, session, ct).ConfigureAwait(false);
        Server.CardholderPurchase? s;
        lock (gate)
        {
            if (!sessions.TryGet(session, out s!))
                return WalletReplies.Refuse(m, session, Refused.Because(RefusalReason.ProtocolError, Name, $"unknown session at {Name}"));
        }
        return Settle(m, session, s.Deliver(m.Field(WalletProtocol.KindField) ?? "", m.Body));
    }

    /// <summary>Drops expired sessions and erases the credentials they acquired (no trace event: it happens outside any purchase).</summary>
    private void Sweep()
    {
        IReadOnlyList<KeyValuePair<string, Server.CardholderPurchase>> gone;
        lock (gate)
        {
            gone = sessions.Sweep();
            foreach (var (session, _) in gone) { log.Remove(session); viaAcquired.Remove(session); }
        }
        foreach (var (session, _) in gone) acquired.Erase(session);
    }

    /// <summary>Replies with the step; a finished session is dropped, and an acquired credential with it (E8 erasure).</summary>
    private NetMessage Settle(NetMessage m, string session, PurchaseStep step)
    {
        Server.CardholderPurchase? p = null;
        lock (gate)
        {
            if (step is not Finished && sessions.TryGet(session, out p) && p.Log(viaAcquired.Contains(session)) is { } entry) log[session] = entry;
        }
        if (step is Finished)
        {
            bool wasAcquired;
            lock (gate) { sessions.TryGet(session, out p); sessions.Remove(session); log.Remove(session); wasAcquired = viaAcquired.Remove(session); }
            // A purchase read back after a restart paid with an acquired credential the restart erased, or one whose credential
            // outlived its lifetime: its end records that nothing of it is held.
            if (acquired.Erase(session) | wasAcquired || p is { Acquired: true })
                net.Trace.Decide(Name, TraceDecisions.CredentialErased, new Dictionary<string, string> { ["session"] = session },
                    "E8: the acquired credential is dropped after this one purchase");
        }
        return WalletReplies.Step(m, step);
    }
}
