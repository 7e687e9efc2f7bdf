using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MultiWallet.Impl.Network.Http;

/// <summary>
/// The TLS of an <see cref="HttpNetwork"/>: the one root every party trusts (no OS store), each party's certificate
/// (its server certificate where it listens, its client certificate where it sends on a mutual link), and the rule for
/// which links are mutual. A party's certificate names it by its address in the subject's CN and is issued by the
/// world (impl/Crypto, <c>TlsCertificates</c>); this layer only checks what it is given.
/// <para>
/// Mutual links are the server-to-server ones (<see cref="IsMutual"/>): merchant→gateway, MSW→SSW (proxied sessions
/// and the E8 custody link), and every link to the gateway. The user PC, the console and an auditor are not parties with a certificate: a link from
/// them authenticates the server only.
/// </para>
/// </summary>
public sealed class HttpTls
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");

    private readonly Func<Address, X509Certificate2> issue;
    private readonly ConcurrentDictionary<Address, Lazy<X509Certificate2>> issued = new();
    private readonly ConcurrentDictionary<string, bool> accepted = new(StringComparer.Ordinal);

    /// <summary>TLS trusting <paramref name="root"/> only, each party's certificate (with its private key) made by <paramref name="issue"/> on first use.</summary>
    public HttpTls(X509Certificate2 root, Func<Address, X509Certificate2> issue)
    {
        Root = root;
        this.issue = issue;
    }

    /// <summary>The world's TLS root: the only trust anchor of every TLS check on this network.</summary>
    public X509Certificate2 Root { get; }

    /// <summary>The certificate (with its private key) that names <paramref name="party"/>, issued once.</summary>
    public X509Certificate2 CertificateOf(Address party) =>
        issued.GetOrAdd(party, p => new Lazy<X509Certificate2>(() => issue(p), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>A party that runs on a server and holds a TLS client certificate: every merchant, the gateway, every server wallet.</summary>
    public static bool IsServerParty(Address a) => a.IsMerchant || a == Address.Gateway || a.WalletName is not null;

    /// <summary>
    /// Whether the client of <paramref name="from"/> → <paramref name="to"/> must prove who it is: both ends are server
    /// parties, or the receiver is the gateway, which serves merchants only (so a client that claims to be anyone else
    /// never reaches its handler).
    /// </summary>
    public static bool IsMutual(Address from, Address to) => to == Address.Gateway || (IsServerParty(from) && IsServerParty(to));

    /// <summary>The party a certificate names (its subject's CN), or null when it names none.</summary>
    public static Address? PartyOf(X509Certificate2 cert) =>
        cert.GetNameInfo(X509NameType.SimpleName, false) is { Length: > 0 } cn ? new Address(cn) : null;

    /// <summary>Why <paramref name="cert"/> is not the server certificate of <paramref name="party"/> (null when it is).</summary>
    public string? RefuseServer(X509Certificate2? cert, Address party) => Refuse(cert, party, ServerAuth, "server");

    /// <summary>Why <paramref name="cert"/> is not a client certificate chained to the root (null when it is); who it names is checked per request.</summary>
    public string? RefuseClientChain(X509Certificate2? cert) => cert is null ? "no client certificate" : Chain(cert, ClientAuth, "client");

    /// <summary>
    /// Why a request claiming to come from <paramref name="from"/> to <paramref name="to"/> on a connection whose client
    /// presented <paramref name="cert"/> is refused (null when admitted): a mutual link needs a certificate, and a
    /// certificate, wherever presented, must name the claimed sender.
    /// </summary>
    public string? RefuseClient(X509Certificate2? cert, Address from, Address to)
    {
        if (cert is null) return IsMutual(from, to) ? "client certificate required on a server-to-server link" : null;
        return Refuse(cert, from, ClientAuth, "client");
    }

    private string? Refuse(X509Certificate2? cert, Address party, Oid purpose, string role)
    {
        if (cert is null) return $"no {role} certificate";
        if (Chain(cert, purpose, role) is { } why) return why;
        return PartyOf(cert) == party ? null : $"{role} certificate names another party";
    }

    private string? Chain(X509Certificate2 cert, Oid purpose, string role)
    {
        // Only accepted certificates are remembered: they are the world's own, so the memo is bounded by what the world issued.
        var memo = cert.Thumbprint + "/" + purpose.Value;
        if (accepted.ContainsKey(memo)) return null;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(purpose);
        if (!chain.Build(cert)) return $"{role} certificate not issued by the world's TLS root for {role} use";
        accepted.TryAdd(memo, true);
        return null;
    }
}
