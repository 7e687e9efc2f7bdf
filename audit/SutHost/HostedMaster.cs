using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Routing;
using MultiWallet.Impl.Server;
using MultiWallet.Impl.Server.Master;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace MultiWallet.Audit.SutHost;

/// <summary>
/// Our master wallet (impl/Server/Master) built from one <c>ProvisionTopology</c> body alone, as any system under test
/// must build its own (docs/protocol/openapi.yaml, "Provisioning"): its own HTTPS listener and network, the keys and
/// credentials the body carries, the other parties at the addresses it names, a clock fixed at <c>now</c>. It knows
/// nothing of the campaign's world but what the document gives it.
/// </summary>
public sealed class HostedMaster : IAsyncDisposable
{
    private readonly HttpNetwork net;
    private readonly IReplaceableKnowledge? knowledge;

    private HostedMaster(HttpNetwork net, MasterServerWallet master, IReplaceableKnowledge? knowledge)
    {
        this.net = net; Master = master; this.knowledge = knowledge;
    }

    /// <summary>The master.</summary>
    public MasterServerWallet Master { get; }

    /// <summary>The trace of what the master saw, sent and decided.</summary>
    public TraceLog Trace => net.Trace;

    /// <summary>Its address and the URL it listens at.</summary>
    public (string Address, Uri Url) Listening => (Master.At.Value, net.AddressMap[Master.At]);

    /// <summary>Builds and starts the master of the body; <paramref name="defect"/> seeds a defect (null: faithful).</summary>
    public static HostedMaster Build(JsonObject body, SutDefect? defect)
    {
        var embodiment = Text(body, "embodiment");
        if (embodiment is not ("E7" or "E8" or "E9" or "E10" or "E11" or "E12"))
            throw new UnsupportedTopologyException($"embodiment {embodiment} has no master wallet");
        var roles = body["roles"]!.AsArray().Select(r => (string)r!).ToList();
        if (roles is not ["MSW"]) throw new UnsupportedTopologyException($"this host plays the MSW only, not {string.Join(",", roles)}");
        var master = body["master"]!.AsObject();
        var name = Text(master, "name");
        var self = Address.ServerWallet(name);
        var clock = new FixedClock(DateTime.Parse(Text(body, "now"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
        var timeout = body["timeout"] is { } t ? TimeSpan.FromMilliseconds((int)t) : TracedNetwork.DefaultTimeout;

        var tls = body["tls"]!.AsObject();
        var root = X509Certificate2.CreateFromPem(Text(tls, "root"));
        var own = tls["certificates"]!.AsArray().Select(c => c!.AsObject()).ToDictionary(c => Text(c, "address"), c => Persisted(Text(c, "certificate"), Text(c, "key")), StringComparer.Ordinal);
        var net = new HttpNetwork(new TraceLog(), new HttpTls(root, a => own.TryGetValue(a.Value, out var c) ? c : throw new InvalidOperationException($"no certificate for {a.Value}")), timeout)
        {
            ObserveRemote = true,
        };
        foreach (var (address, url) in body["addresses"]!.AsObject()) net.MapRemote(new Address(address), new Uri((string)url!));

        var setRoot = new BcCertificate(Convert.FromBase64String(Text(body, "setRoot")));
        var validator = new ChainValidator(setRoot, clock, name);
        var rng = new SecureRandom();
        var keys = body["logins"]!.AsArray().Select(l => l!.AsObject()).ToList();
        var logins = new WalletLogins();
        foreach (var l in keys.Where(l => Text(l, "wallet") == name)) logins.Register(Text(l, "client"), Convert.FromBase64String(Text(l, "key")));
        var slaveKeys = keys.Where(l => Text(l, "client") == name).ToDictionary(l => Text(l, "wallet"), l => Convert.FromBase64String(Text(l, "key")), StringComparer.Ordinal);
        var slaveLogin = new ClientLogin(name, w => slaveKeys.GetValueOrDefault(w), rng);
        var userKey = logins.KeyOf(LoginIssuer) ?? throw new InvalidOperationException("logins: no key of the user at the master");
        var portKey = new UserPortKey(name, LoginIssuer, userKey);

        var (table, ssws) = Knowledge(body["knowledge"]!.AsObject());
        if (defect == SutDefect.RouteLast) table = [.. table.AsEnumerable().Reverse()];
        ISlaveRouting routing = embodiment switch
        {
            "E7" or "E8" => new BrandInfoSlaveRouting(embodiment, table, net.Trace, name),
            "E9" => new UserPickSlaveRouting("E9", ssws, net, self, Address.Pc, portKey, name),
            "E10" => new TypedAddressSlaveRouting(net, self, Address.Pc, portKey, name),
            "E11" => new BrandInfoSlaveRouting("E11", null, net.Trace, name),
            _ => new UserPickSlaveRouting("E12", null, net, self, Address.Pc, portKey, name),
        };
        var acquisition = embodiment == "E8"
            ? new CertificateAcquisition(net, self, Identity(body["serverIdentities"]!.AsArray().Single(s => Text(s!.AsObject(), "wallet") == name)!.AsObject()), validator, rng)
            : null;
        var m = new MasterServerWallet(name, net, validator, rng, routing, acquisition, clock: clock, logins: logins, slaveLogin: slaveLogin,
            authentication: defect == SutDefect.AcceptAnyMac ? new AnyMacAuthentication() : null);
        foreach (var c in body["credentials"]!.AsArray().Select(c => c!.AsObject()).Where(c => Text(c, "wallet") == name)) m.AddCredential(Credential(c));
        if (master["down"] is { } down && (bool)down) net.SetDown(self, true);
        if (master["silent"] is { } silent && (bool)silent) net.SetSilent(self, true);
        return new HostedMaster(net, m, routing as IReplaceableKnowledge);
    }

    private const string LoginIssuer = MultiWallet.Impl.World.LoginIssuer.User;

    /// <summary>Replaces the knowledge; false when this embodiment's routing holds none.</summary>
    public bool ReplaceKnowledge(JsonObject k)
    {
        var (table, ssws) = Knowledge(k);
        return knowledge is not null && knowledge.Replace(table, ssws);
    }

    /// <summary>Up, down (every request from outside aborted) or silent (never answered).</summary>
    public void SetState(string state)
    {
        net.SetDown(Master.At, state == "down");
        net.SetSilent(Master.At, state == "silent");
    }

    private static (IReadOnlyList<(string, IReadOnlySet<string>)> Table, IReadOnlyList<string> Ssws) Knowledge(JsonObject k) => (string)k["kind"]! switch
    {
        "BrandTable" => ([.. k["entries"]!.AsArray().Select(e => (Text(e!.AsObject(), "wallet"), (IReadOnlySet<string>)e!["brands"]!.AsArray().Select(b => (string)b!).ToHashSet()))], []),
        "SswList" => ([], [.. k["names"]!.AsArray().Select(n => (string)n!)]),
        "None" => ([], []),
        var other => throw new UnsupportedTopologyException($"knowledge {other} is not a master's"),
    };

    private static string Text(JsonObject o, string key) => (string?)o[key] ?? throw new InvalidOperationException($"missing {key}");

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

    /// <summary>Stops its listener.</summary>
    public ValueTask DisposeAsync() => net.DisposeAsync();
}
