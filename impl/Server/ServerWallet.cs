using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Set;
using Org.BouncyCastle.Security;

namespace MultiWallet.Impl.Server;

/// <summary>
/// A server wallet (SW) at <c>sw://&lt;name&gt;</c>: holds brand credentials (cardholder certificate, key,
/// card account) and runs <see cref="CardholderPurchase"/> sessions driven by a client over the
/// <see cref="WalletProtocol"/>. It never contacts the merchant itself; keys and PANs never leave it.
/// A wake-up whose brand it does not hold is refused before any PInitReq (BrandNotHeld).
/// The set of brands is mutable at run time (E5/E6 live brand information).
/// A session lives until it finishes or <see cref="SessionLifetime"/> after it started (on the wallet's
/// clock), whichever is first; input it refuses leaves nothing behind (INV-BOUNDED).
/// Sessions are admitted by a <see cref="SessionGuard"/>: only a registered login starts one, and only that login
/// continues it, in sequence (INV-SESSION-AUTH).
/// </summary>
public sealed class ServerWallet
{
    private readonly INetwork net;
    private readonly SecureRandom rng;
    private readonly ChainValidator validator;
    private readonly Dictionary<string, CardholderCredential> credentials = new(StringComparer.Ordinal);
    private readonly IExpiringTable<string, CardholderPurchase> sessions;
    private readonly int maxInquiries;
    private readonly Dictionary<string, PurchaseLog> log = new(StringComparer.Ordinal);
    private readonly SessionGuard guard;
    private readonly IGatewayKeyCheck gatewayKeys;
    private readonly Lock gate = new();

    /// <summary>How long a session may stay open: a purchase is three round trips, so one still open after this was abandoned.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A server wallet at sw://<paramref name="name"/>, checking merchants with <paramref name="validator"/>, expiring sessions on
    /// <paramref name="clock"/> (default: a clock that never moves) in the table <paramref name="sessionTable"/> makes (default an
    /// <see cref="ExpiringTable{TKey, TValue}"/> of <see cref="SessionLifetime"/>), inquiring at most <paramref name="maxInquiries"/>
    /// times per purchase (default <see cref="CardholderPurchase.MaxInquiries"/>). <paramref name="persisted"/> is the transaction
    /// log a restarted wallet reads back: each open purchase whose PReq was built comes back as a session that inquires.
    /// Sessions are accepted from <paramref name="logins"/> (none when null); <paramref name="sessionLog"/> is the session
    /// log a restarted wallet reads back (who owns each session, its last request and reply). <paramref name="authentication"/> and
    /// <paramref name="gatewayKeys"/> default to the faithful <see cref="RequestAuthentication"/> and <see cref="GatewayKeyCheck"/>.
    /// </summary>
    public ServerWallet(string name, INetwork net, ChainValidator validator, SecureRandom rng, IClock? clock = null,
        Func<IClock, TimeSpan, IExpiringTable<string, CardholderPurchase>>? sessionTable = null, int maxInquiries = CardholderPurchase.MaxInquiries,
        IReadOnlyDictionary<string, PurchaseLog>? persisted = null, WalletLogins? logins = null, IReadOnlyDictionary<string, SessionRecord>? sessionLog = null,
        IRequestAuthentication? authentication = null, IGatewayKeyCheck? gatewayKeys = null)
    {
        Name = name; this.net = net; this.validator = validator; this.rng = rng; this.maxInquiries = maxInquiries;
        clock ??= new FixedClock();
        guard = new SessionGuard(name, logins ?? new WalletLogins(), clock, net.Trace, sessionLog, authentication);
        this.gatewayKeys = gatewayKeys ?? GatewayKeyCheck.Faithful;
        sessions = sessionTable?.Invoke(clock, SessionLifetime) ?? new ExpiringTable<string, CardholderPurchase>(clock, SessionLifetime, StringComparer.Ordinal);
        foreach (var (session, entry) in persisted ?? new Dictionary<string, PurchaseLog>())
            if (sessions.TryAdd(session, CardholderPurchase.Recover(entry, validator, rng, net.Trace, name, maxInquiries))) log[session] = entry;
        At = Address.ServerWallet(name);
        net.Listen(At, Handle);
    }

    /// <summary>The wallet name.</summary>
    public string Name { get; }
    /// <summary>Where the wallet listens.</summary>
    public Address At { get; }

    /// <summary>The brands held now, sorted.</summary>
    public IReadOnlyList<string> Brands { get { lock (gate) return credentials.Keys.Order(StringComparer.Ordinal).ToList(); } }

    /// <summary>Adds (or replaces) the credential of its brand.</summary>
    public void AddCredential(CardholderCredential c) { lock (gate) credentials[c.Brand] = c; }

    /// <summary>Drops the brand; false when it was not held.</summary>
    public bool RemoveBrand(string brand) { lock (gate) return credentials.Remove(brand); }

    /// <summary>Open sessions (expired ones not yet swept included).</summary>
    public int OpenSessions { get { lock (gate) return sessions.Count; } }

    /// <summary>
    /// Entries of every collection the wallet keeps (credentials, sessions, session records; the log has an entry only for an
    /// open session): what a message could make it retain.
    /// </summary>
    public int StateSize { get { lock (gate) return credentials.Count + sessions.Count + guard.Count; } }

    /// <summary>The logins the wallet accepts sessions from (configuration: what a restarted wallet is given again).</summary>
    public WalletLogins Logins => guard.Logins;

    /// <summary>The session log: who started each live session, its last request and the reply to it (what a restarted wallet reads back).</summary>
    public IReadOnlyDictionary<string, SessionRecord> SessionLog => guard.Persisted;

    /// <summary>The transaction log: every open purchase whose PReq was built, by session (what a restarted wallet reads back).</summary>
    public IReadOnlyDictionary<string, PurchaseLog> OpenPurchases { get { lock (gate) { Forget(sessions.Sweep()); return new Dictionary<string, PurchaseLog>(log, StringComparer.Ordinal); } } }

    private void Forget(IReadOnlyList<KeyValuePair<string, CardholderPurchase>> gone)
    {
        foreach (var (session, _) in gone) log.Remove(session);
    }

    /// <summary>Every credential held (configuration: what a restarted wallet is given again).</summary>
    public IReadOnlyList<CardholderCredential> Credentials { get { lock (gate) return credentials.Values.ToList(); } }

    /// <summary>Drops expired sessions now: the sweep a request would run, for the housekeeping timer of a real wallet (the driver's call here).</summary>
    public void SweepExpired()
    {
        lock (gate) Forget(sessions.Sweep());
        guard.Sweep();
    }

    /// <summary>The credential held for the brand, or null.</summary>
    public CardholderCredential? Credential(string brand) { lock (gate) return credentials.GetValueOrDefault(brand); }

    /// <summary>The wallet's network handler (what <see cref="INetwork.Listen"/> registered), for decorators of the environment.</summary>
    public Task<NetMessage> HandleAsync(NetMessage m, CancellationToken ct) => Handle(m, ct);

    private Task<NetMessage> Handle(NetMessage m, CancellationToken ct) => m.Kind switch
    {
        WalletProtocol.BrandQuery => Task.FromResult(WalletReplies.Brands(m, Brands)),
        WalletProtocol.Start => guard.HandleAsync(m, opens: true, (r, session) => Task.FromResult(OnStart(r, session))),
        WalletProtocol.Deliver => guard.HandleAsync(m, opens: false, (r, session) => Task.FromResult(OnDeliver(r, session))),
        _ => Task.FromResult(WalletReplies.Step(m, new Finished(Refused.Because(RefusalReason.ProtocolError, Name, $"unexpected {m.Kind} at {Name}")))),
    };

    private NetMessage OnStart(NetMessage m, string session)
    {
        WakeUp w;
        try { w = WakeUp.Decode(m.Body); }
        catch (SetException e) { return WalletReplies.Step(m, new Finished(Refused.Because(RefusalReason.MalformedWakeUp, Name, e.Error.Cause + $" at {Name}"))); }
        CardholderCredential? cred;
        lock (gate)
        {
            Forget(sessions.Sweep());
            if (sessions.ContainsKey(session))
                return WalletReplies.Step(m, new Finished(Refused.Because(RefusalReason.ProtocolError, Name, $"missing or reused session id at {Name}")));
            cred = credentials.GetValueOrDefault(w.Brand);
        }
        if (cred is null)
        {
            net.Trace.Decide(Name, TraceDecisions.BrandNotHeld, new Dictionary<string, string> { ["brand"] = w.Brand }, "refused before PInitReq");
            return WalletReplies.Step(m, new Finished(Refused.Because(RefusalReason.BrandNotHeld, Name, $"{Name} holds no {w.Brand} credential")));
        }
        var p = new CardholderPurchase(cred, validator, rng, net.Trace, Name, maxInquiries, gatewayKeys);
        bool added;
        lock (gate) added = sessions.TryAdd(session, p);
        if (!added) return WalletReplies.Step(m, new Finished(Refused.Because(RefusalReason.ProtocolError, Name, $"missing or reused session id at {Name}")));
        return Settle(m, session, p.Start(w));
    }

    private NetMessage OnDeliver(NetMessage m, string session)
    {
        CardholderPurchase? p;
        lock (gate)
        {
            Forget(sessions.Sweep());
            if (!sessions.TryGet(session, out p!)) p = null;
        }
        if (p is null) return WalletReplies.Step(m, new Finished(Refused.Because(RefusalReason.ProtocolError, Name, $"unknown session at {Name}")));
        return Settle(m, session, p.Deliver(m.Field(WalletProtocol.KindField) ?? "", m.Body));
    }

    /// <summary>Replies with the step; a finished session is dropped at once, with its log entry; an open one's log is written first.</summary>
    private NetMessage Settle(NetMessage m, string session, PurchaseStep step)
    {
        lock (gate)
        {
            if (step is Finished) { sessions.Remove(session); log.Remove(session); }
            else if (sessions.TryGet(session, out var p) && p.Log() is { } entry) log[session] = entry;
        }
        return WalletReplies.Step(m, step);
    }
}
