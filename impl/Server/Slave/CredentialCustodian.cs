using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Set;
using Org.BouncyCastle.Security;

namespace MultiWallet.Impl.Server.Slave;

/// <summary>
/// E8's slave server wallet (¶0112–0122): it holds brand certificates but has no wallet function. It
/// releases a credential only (1) to a requester that proves, with a certificate chained to the root, to
/// be the one master wallet it serves, (2) for a brand it holds, (3) once per order, and (4) encrypted to
/// that master's key-exchange certificate. Any other request is refused with a typed reason and changes
/// nothing here (INV-CUSTODY). A release is remembered for <see cref="ReleaseMemory"/> on the custodian's
/// clock: "once per order" holds for as long as an order can be paid, and the record set stays bounded.
/// </summary>
public sealed class CredentialCustodian
{
    private readonly INetwork net;
    private readonly ChainValidator validator;
    private readonly SecureRandom rng;
    private readonly ServerWalletIdentity identity;
    private readonly Dictionary<string, CardholderCredential> credentials = new(StringComparer.Ordinal);
    private readonly ExpiringTable<(string, string), bool> released;
    private readonly Lock gate = new();
    private readonly RecordedReplies replies;
    private int releases;

    /// <summary>How long a release is remembered: the order validity the user PC's gate also keeps accepted orders for.</summary>
    public static readonly TimeSpan ReleaseMemory = TimeSpan.FromHours(24);

    /// <summary>
    /// A custodian at sw://<paramref name="name"/> that releases only to <paramref name="master"/>, signing with <paramref name="identity"/>,
    /// remembering releases on <paramref name="clock"/> (default: a clock that never moves). A restarted custodian is given the
    /// release records it persisted (<see cref="ReleaseRecords"/>, <see cref="ReleaseCount"/>) as <paramref name="persisted"/>.
    /// </summary>
    public CredentialCustodian(string name, string master, INetwork net, ChainValidator validator, ServerWalletIdentity identity, SecureRandom rng, IClock? clock = null,
        (ExpiringTable<(string, string), bool> Records, int Releases)? persisted = null, RecordedReplies? sent = null)
    {
        Name = name; Master = master; this.net = net; this.validator = validator; this.identity = identity; this.rng = rng;
        released = persisted?.Records ?? new(clock ?? new FixedClock(), ReleaseMemory);
        releases = persisted?.Releases ?? 0;
        replies = sent ?? CustodyReplies.For(clock ?? new FixedClock(), net.Trace, name);
        At = Address.ServerWallet(name);
        net.Listen(At, Handle);
    }

    /// <summary>The wallet name.</summary>
    public string Name { get; }
    /// <summary>The name of the only master wallet this slave releases to.</summary>
    public string Master { get; }
    /// <summary>Where the custodian listens.</summary>
    public Address At { get; }

    /// <summary>The brands held, sorted.</summary>
    public IReadOnlyList<string> Brands { get { lock (gate) return credentials.Keys.Order(StringComparer.Ordinal).ToList(); } }

    /// <summary>How many releases happened (custody checks: at most one per order).</summary>
    public int ReleaseCount { get { lock (gate) return releases; } }

    /// <summary>Entries of every collection the custodian keeps (credentials, release records).</summary>
    public int StateSize { get { lock (gate) return credentials.Count + released.Count + replies.Count; } }

    /// <summary>The release records (what a real custodian persists; a restarted one is given them back).</summary>
    public ExpiringTable<(string, string), bool> ReleaseRecords => released;

    /// <summary>The signed releases sent, by request (persisted with the release records: a retried request after a restart gets the same release).</summary>
    public RecordedReplies Sent => replies;

    /// <summary>Every credential held (configuration: what a restarted custodian is given again).</summary>
    public IReadOnlyList<CardholderCredential> Credentials { get { lock (gate) return credentials.Values.ToList(); } }

    /// <summary>Forgets expired release records now: the sweep a request would run, for the housekeeping timer of a real custodian.</summary>
    public void SweepExpired() { lock (gate) released.Sweep(); replies.Sweep(); }

    /// <summary>Adds (or replaces) the credential of its brand.</summary>
    public void AddCredential(CardholderCredential c) { lock (gate) credentials[c.Brand] = c; }

    private Task<NetMessage> Handle(NetMessage m, CancellationToken ct) => replies.AnswerAsync(m, ct, Acquire);

    private Task<NetMessage> Acquire(NetMessage m, CancellationToken ct) =>
        Task.FromResult(m.Kind == CustodyProtocol.Acquire ? OnAcquire(m) : Refuse(m, CustodyRefusal.Unauthenticated, $"{Name} has no wallet function; {m.Kind} not served"));

    private NetMessage OnAcquire(NetMessage m)
    {
        CustodyRequest req;
        ValidatedCert signer;
        ValidatedCert ke;
        try
        {
            var signed = SignedMessage.Decode(m.Body, CustodyProtocol.RequestInner);
            signer = signed.Verify(validator, CertRole.ServerSignature, null, "custody requester");
            req = CustodyRequest.Decode(signed.Content);
            ke = validator.Validate(CertChain.FromDer(req.RequesterKeyExchangeChain), CertRole.ServerKeyExchange, null, "custody requester key exchange");
        }
        catch (Exception e) when (e is SetException or ArgumentException or IOException or InvalidOperationException)
        {
            return Refuse(m, CustodyRefusal.Unauthenticated, $"request does not authenticate at {Name}: {(e is SetException se ? se.Error.Cause : e.Message)}");
        }
        var who = ServerName(signer.Cert);
        if (who != Master || ServerName(ke.Cert) != Master || req.Requester != Master)
            return Refuse(m, CustodyRefusal.NotItsMaster, $"{Name} serves {Master}, not {who}");
        CardholderCredential? cred;
        lock (gate)
        {
            cred = credentials.GetValueOrDefault(req.Brand);
            if (cred is null) return Refuse(m, CustodyRefusal.BrandNotHeld, $"{Name} holds no {req.Brand} certificate");
            released.Sweep();
            if (!released.TryAdd(req.Order, true)) return Refuse(m, CustodyRefusal.AlreadyReleased, $"{Name} already released {req.Brand} for order {req.MerchantId}/{req.LidM}");
            releases++;
        }
        var package = new CredentialPackage(req.Brand, req.MerchantId, req.LidM, req.Nonce, cred.Signing.Chain.Der,
            cred.Signing.Key.D.ToByteArrayUnsigned(), cred.Account.Pan, cred.Account.PanSecret, cred.Account.CardSecret, cred.Account.Expiry.Ticks).Encode();
        var envelope = Envelope.Seal(package, ke.Cert, rng);
        Array.Clear(package);
        net.Trace.Decide(Name, TraceDecisions.CredentialReleased, new Dictionary<string, string> { ["to"] = Master, ["brand"] = req.Brand, ["lid-m"] = req.LidM },
            "authenticated master, brand held, first release for this order; encrypted to the master's key-exchange certificate");
        var body = SignedMessage.Sign(CustodyProtocol.ReleaseInner, envelope, identity.Signing).Encode();
        return m.Reply(CustodyProtocol.Released, body, new Dictionary<string, string> { ["brand"] = req.Brand, ["lid-m"] = req.LidM });
    }

    private NetMessage Refuse(NetMessage m, CustodyRefusal why, string cause)
    {
        net.Trace.Decide(Name, TraceDecisions.CredentialRefused, new Dictionary<string, string> { ["reason"] = why.ToString() }, cause);
        return m.Reply(CustodyProtocol.Refused, new CustodyRefusedBody(why.ToString(), cause).Encode(),
            new Dictionary<string, string> { ["reason"] = why.ToString() });
    }

    /// <summary>The server wallet name a Wallet Server CA certificate was issued to (CN "NAME identity"/"NAME key exchange").</summary>
    public static string ServerName(Org.BouncyCastle.X509.X509Certificate cert)
    {
        var cn = cert.SubjectDN.GetValueList(Org.BouncyCastle.Asn1.X509.X509Name.CN).FirstOrDefault() ?? "";
        var i = cn.IndexOf(' ');
        return i < 0 ? cn : cn[..i];
    }
}
