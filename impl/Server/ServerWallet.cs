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
/// </summary>
public sealed class ServerWallet
{
    private readonly INetwork net;
    private readonly SecureRandom rng;
    private readonly ChainValidator validator;
    private readonly Dictionary<string, CardholderCredential> credentials = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CardholderPurchase> sessions = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>A server wallet at sw://<paramref name="name"/>, checking merchants with <paramref name="validator"/>.</summary>
    public ServerWallet(string name, INetwork net, ChainValidator validator, SecureRandom rng)
    {
        Name = name; this.net = net; this.validator = validator; this.rng = rng;
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

    /// <summary>The credential held for the brand, or null.</summary>
    public CardholderCredential? Credential(string brand) { lock (gate) return credentials.GetValueOrDefault(brand); }

    /// <summary>The wallet's network handler (what <see cref="INetwork.Listen"/> registered), for decorators of the environment.</summary>
    public Task<NetMessage> HandleAsync(NetMessage m, CancellationToken ct) => Handle(m, ct);

    private Task<NetMessage> Handle(NetMessage m, CancellationToken ct) => Task.FromResult(m.Kind switch
    {
        WalletProtocol.BrandQuery => WalletReplies.Brands(m, Brands),
        WalletProtocol.Start => OnStart(m),
        WalletProtocol.Deliver => OnDeliver(m),
        _ => WalletReplies.Step(m, new Finished(Refused.Because(RefusalReason.ProtocolError, Name, $"unexpected {m.Kind} at {Name}"))),
    });

    private NetMessage OnStart(NetMessage m)
    {
        var session = m.Field(WalletProtocol.SessionField);
        WakeUp w;
        try { w = WakeUp.Decode(m.Body); }
        catch (SetException e) { return WalletReplies.Step(m, new Finished(Refused.Because(RefusalReason.MalformedWakeUp, Name, e.Error.Cause + $" at {Name}"))); }
        CardholderCredential? cred;
        lock (gate)
        {
            if (session is null || sessions.ContainsKey(session))
                return WalletReplies.Step(m, new Finished(Refused.Because(RefusalReason.ProtocolError, Name, $"missing or reused session id at {Name}")));
            cred = credentials.GetValueOrDefault(w.Brand);
        }
        if (cred is null)
        {
            net.Trace.Decide(Name, TraceDecisions.BrandNotHeld, new Dictionary<string, string> { ["brand"] = w.Brand }, "refused before PInitReq");
            return WalletReplies.Step(m, new Finished(Refused.Because(RefusalReason.BrandNotHeld, Name, $"{Name} holds no {w.Brand} credential")));
        }
        var p = new CardholderPurchase(cred, validator, rng, net.Trace, Name);
        lock (gate) sessions[session] = p;
        return WalletReplies.Step(m, p.Start(w));
    }

    private NetMessage OnDeliver(NetMessage m)
    {
        var session = m.Field(WalletProtocol.SessionField);
        CardholderPurchase? p;
        lock (gate) p = session is null ? null : sessions.GetValueOrDefault(session);
        if (p is null) return WalletReplies.Step(m, new Finished(Refused.Because(RefusalReason.ProtocolError, Name, $"unknown session at {Name}")));
        return WalletReplies.Step(m, p.Deliver(m.Field(WalletProtocol.KindField) ?? "", m.Body));
    }
}
