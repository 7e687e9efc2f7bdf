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
    private readonly RecordedReplies replies;
    private readonly Lock gate = new();

    /// <summary>
    /// A master wallet at sw://<paramref name="name"/> routing to slaves with <paramref name="routing"/>; with <paramref name="acquisition"/>
    /// it acquires credentials (E8) instead of proxying. <paramref name="persisted"/> is what a restarted master reads back: its
    /// own purchases' transaction log (each comes back as a session that inquires) and its proxied sessions' routing.
    /// </summary>
    public MasterServerWallet(string name, INetwork net, ChainValidator validator, SecureRandom rng, ISlaveRouting routing, CertificateAcquisition? acquisition = null, IAcquiredCredentials? acquired = null, IClock? clock = null,
        MasterLog? persisted = null)
    {
        Name = name; this.net = net; this.validator = validator; this.rng = rng; this.routing = routing; this.acquisition = acquisition;
        clock ??= new FixedClock();
        this.acquired = acquired ?? new AcquiredCredentials(clock);
        sessions = new(clock, ServerWallet.SessionLifetime, StringComparer.Ordinal);
        persisted ??= MasterLog.Empty;
        foreach (var (session, entry) in persisted.Purchases)
            if (sessions.TryAdd(session, Server.CardholderPurchase.Recover(entry, validator, rng, net.Trace, name))) log[session] = entry;
        At = Address.ServerWallet(name);
        proxy = new VirtualWum(net, At, name, clock, persisted.Proxied);
        replies = SessionReplies.For(clock, net.Trace, name);
        net.Listen(At, (m, ct) => replies.AnswerAsync(m, ct, HandleAsync));
    }

    /// <summary>What the master persists now: its own open purchases' log and its proxied sessions' routing.</summary>
    public MasterLog Persisted
    {
        get
        {
            Sweep();
            lock (gate) return new MasterLog(new Dictionary<string, PurchaseLog>(log, StringComparer.Ordinal), proxy.Routes);
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

    /// <summary>Entries of every collection the master keeps (own credentials, own sessions, proxied sessions, acquired credentials).</summary>
    public int StateSize
    {
        get
        {
            int mine;
            lock (gate) mine = own.Count + sessions.Count;
            return mine + proxy.SessionCount + acquired.Count + replies.Count;
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
        replies.Sweep();
    }

    /// <summary>Gives the master its own credential for a brand.</summary>
    public void AddCredential(CardholderCredential c) { lock (gate) own[c.Brand] = c; }

    private async Task<NetMessage> HandleAsync(NetMessage m, CancellationToken ct)
    {
        var session = m.Field(WalletProtocol.SessionField) ?? "";
        switch (m.Kind)
        {
            case WalletProtocol.BrandQuery:
                return WalletReplies.Brands(m, Brands);
            case WalletProtocol.Start:
                return await StartAsync(m, session, m.Body, null, ct).ConfigureAwait(false);
            case ClientInfo.StartWithInfo:
                ClientInfo info;
                try { info = ClientInfo.Decode(m.Body); }
                catch (SetException e) { return WalletReplies.Refuse(m, session, Refused.Because(RefusalReason.MalformedWakeUp, Name, $"client information does not parse at {Name}: {e.Error.Cause}")); }
                return await StartAsync(m, session, info.WakeUp, info, ct).ConfigureAwait(false);
            case WalletProtocol.Deliver:
                return await DeliverAsync(m, session, ct).ConfigureAwait(false);
            default:
                return WalletReplies.Refuse(m, session, Refused.Because(RefusalReason.ProtocolError, Name, $"unexpected {m.Kind} at {Name}"));
        }
    }

    private async Task<NetMessage> StartAsync(NetMessage m, string session, byte[] wakeUpBytes, ClientInfo? info, CancellationToken ct)
    {
        WakeUp w;
        try { w = WakeUp.Decode(wakeUpBytes); }
        catch (SetException e) { return WalletReplies.Refuse(m, session, Refused.Because(RefusalReason.MalformedWakeUp, Name, e.Error.Cause + $" at {Name}")); }
        Sweep();
        lock (gate)
        {
            if (session.Length == 0 || sessions.ContainsKey(session) || proxy.Owns(session))
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
            lock (gate) { sessions.TryGet(session, out p); sessions.Remove(session); log.Remove(session); viaAcquired.Remove(session); }
            // A purchase read back after a restart paid with an acquired credential the restart erased: its end records that nothing of it is held.
            if (acquired.Erase(session) || p is { Acquired: true })
                net.Trace.Decide(Name, TraceDecisions.CredentialErased, new Dictionary<string, string> { ["session"] = session },
                    "E8: the acquired credential is dropped after this one purchase");
        }
        return WalletReplies.Step(m, step);
    }
}
