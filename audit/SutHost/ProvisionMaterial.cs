using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace MultiWallet.Audit.SutHost;

/// <summary>
/// What a <c>ProvisionTopology</c> body (docs/protocol/openapi.yaml, "Provisioning") gives every hosted role alike: the
/// embodiment and roles, the clock fixed at <c>now</c>, an HTTPS network holding the body's TLS certificates (one per
/// address played) with every other party at the address the body names, the SET root, and the decoders of
/// credentials and server identities.
/// </summary>
internal static class ProvisionMaterial
{
    /// <summary>The embodiment, checked to have a master and slaves; the roles, checked to be exactly <paramref name="role"/>.</summary>
    public static string MasterSlaveEmbodiment(JsonObject body, string role)
    {
        var embodiment = Text(body, "embodiment");
        if (embodiment is not ("E7" or "E8" or "E9" or "E10" or "E11" or "E12"))
            throw new UnsupportedTopologyException($"embodiment {embodiment} has no master wallet and slaves");
        var roles = body["roles"]!.AsArray().Select(r => (string)r!).ToList();
        if (roles.Count != 1 || roles[0] != role) throw new UnsupportedTopologyException($"this host plays the {role} only, not {string.Join(",", roles)}");
        return embodiment;
    }

    /// <summary>The clock: the body's <c>now</c>, fixed for the whole case.</summary>
    public static FixedClock Clock(JsonObject body) =>
        new(DateTime.Parse(Text(body, "now"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));

    /// <summary>An HTTPS network with the body's certificates, its timeout, and the other parties mapped; it observes remote senders.</summary>
    public static HttpNetwork Network(JsonObject body)
    {
        var timeout = body["timeout"] is { } t ? TimeSpan.FromMilliseconds((int)t) : TracedNetwork.DefaultTimeout;
        var tls = body["tls"]!.AsObject();
        var root = X509Certificate2.CreateFromPem(Text(tls, "root"));
        var own = tls["certificates"]!.AsArray().Select(c => c!.AsObject()).ToDictionary(c => Text(c, "address"), c => Persisted(Text(c, "certificate"), Text(c, "key")), StringComparer.Ordinal);
        var net = new HttpNetwork(new TraceLog(), new HttpTls(root, a => own.TryGetValue(a.Value, out var c) ? c : throw new InvalidOperationException($"no certificate for {a.Value}")), timeout)
        {
            ObserveRemote = true,
        };
        foreach (var (address, url) in body["addresses"]!.AsObject()) net.MapRemote(new Address(address), new Uri((string)url!));
        return net;
    }

    /// <summary>The SET root: the trust anchor of every chain.</summary>
    public static BcCertificate SetRoot(JsonObject body) => new(Convert.FromBase64String(Text(body, "setRoot")));

    /// <summary>The login entries of the body.</summary>
    public static IReadOnlyList<JsonObject> Logins(JsonObject body) => [.. body["logins"]!.AsArray().Select(l => l!.AsObject())];

    /// <summary>The cardholder credentials of wallet <paramref name="wallet"/>.</summary>
    public static IReadOnlyList<CardholderCredential> Credentials(JsonObject body, string wallet) =>
        [.. body["credentials"]!.AsArray().Select(c => c!.AsObject()).Where(c => Text(c, "wallet") == wallet).Select(Credential)];

    /// <summary>The server identity (E8) of wallet <paramref name="wallet"/>.</summary>
    public static ServerWalletIdentity ServerIdentity(JsonObject body, string wallet) =>
        Identity(body["serverIdentities"]!.AsArray().Select(s => s!.AsObject()).Single(s => Text(s, "wallet") == wallet));

    /// <summary>A required string member.</summary>
    public static string Text(JsonObject o, string key) => (string?)o[key] ?? throw new InvalidOperationException($"missing {key}");

    /// <summary>An optional boolean member, false when absent.</summary>
    public static bool Flag(JsonObject o, string key) => o[key] is { } v && (bool)v;

    private static X509Certificate2 Persisted(string certificatePem, string keyPem)
    {
        using var withKey = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        // Through PKCS#12 so the key is a persisted one, as every TLS stack accepts for a server or client certificate.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    private static CertChain Chain(JsonNode? n) => CertChain.FromDer(n!.AsArray().Select(c => Convert.FromBase64String((string)c!)));

    private static ECPrivateKeyParameters EcKey(string base64) =>
        new("EC", new BigInteger(1, Convert.FromBase64String(base64)), SecObjectIdentifiers.SecP256r1);

    private static CardholderCredential Credential(JsonObject c) => new(Text(c, "wallet"), Text(c, "brand"),
        new SigningIdentity(EcKey(Text(c, "key")), Chain(c["chain"])),
        new CardAccount(Text(c, "pan"), Convert.FromBase64String(Text(c, "pan-secret")), Convert.FromBase64String(Text(c, "card-secret")), new DateTime((long)c["expiry"]!, DateTimeKind.Utc)));

    private static ServerWalletIdentity Identity(JsonObject s) => new(Text(s, "wallet"),
        new SigningIdentity(EcKey(Text(s, "signing-key")), Chain(s["signing-chain"])),
        new KeyExchangeIdentity((RsaPrivateCrtKeyParameters)PrivateKeyFactory.CreateKey(Convert.FromBase64String(Text(s, "key-exchange-key"))), Chain(s["key-exchange-chain"])));
}
