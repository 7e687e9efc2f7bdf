using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using MultiWallet.Checks.Bridge;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;
using Org.BouncyCastle.Pkcs;

namespace MultiWallet.Checks.Sut;

/// <summary>
/// The <c>ProvisionTopology</c> body (docs/protocol/openapi.yaml) of one generated case for the roles a SUT plays: the
/// case's topology and the world's material the SUT needs and nothing more (its own keys and credentials, the login
/// keys of the pairings it is an end of, the roots).
/// </summary>
public static class ProvisionBody
{
    /// <summary>The body for the master wallet of <paramref name="built"/>'s world, our parties at <paramref name="addresses"/>.</summary>
    public static JsonObject ForMaster(ImplBuilder built, IReadOnlyDictionary<Address, Uri> addresses)
    {
        var t = built.Topology;
        var world = built.World;
        var master = t.Master ?? new WalletSpec(WalletNames.Msw, [], []);
        var self = Address.ServerWallet(master.Name);
        var tls = world.Keys.Tls.Issue(self);
        var logins = new JsonArray(Login(LoginIssuer.User, master.Name, world));
        var custody = EmbodimentTraits.Of(t.Embodiment).Embodiment == Embodiment.E8;
        if (!custody)
            foreach (var w in t.Wallets) logins.Add(Login(master.Name, w.Name, world));
        var body = new JsonObject
        {
            ["embodiment"] = t.Embodiment.ToString(),
            ["roles"] = new JsonArray("MSW"),
            ["addresses"] = new JsonObject(addresses.Where(a => a.Key != self).OrderBy(a => a.Key.Value, StringComparer.Ordinal)
                .Select(a => KeyValuePair.Create(a.Key.Value, (JsonNode?)a.Value.ToString()))),
            ["wallets"] = new JsonArray([.. t.Wallets.Select(Wallet)]),
            ["master"] = Wallet(master),
            ["knowledge"] = Knowledge(ImplBuilder.Config(t).Knowledge),
            ["tls"] = new JsonObject
            {
                ["root"] = world.Keys.Tls.RootPem,
                ["certificates"] = new JsonArray(new JsonObject
                {
                    ["address"] = self.Value,
                    ["certificate"] = tls.ExportCertificatePem(),
                    ["key"] = tls.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem(),
                }),
            },
            ["logins"] = logins,
            ["credentials"] = new JsonArray([.. master.Held.Select(b => Credential(world.Pki.Cardholder(master.Name, b.Name)))]),
            ["setRoot"] = Convert.ToBase64String(world.Pki.Root.GetEncoded()),
            ["now"] = world.Clock.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["timeout"] = (int)world.Wire.Timeout.TotalMilliseconds,
        };
        if (custody) body["serverIdentities"] = new JsonArray(ServerIdentity(world.Pki.ServerWallet(master.Name)));
        return body;
    }

    /// <summary>
    /// The body for the user PC (E1–E6) of <paramref name="built"/>'s world, our parties at <paramref name="addresses"/>:
    /// the wallets, the routing knowledge, the user's answers (E1: <c>preselected</c> first), the PC's TLS certificate
    /// (its user port listens at <c>pc</c>) and the user's login at every wallet.
    /// </summary>
    public static JsonObject ForPc(ImplBuilder built, IReadOnlyDictionary<Address, Uri> addresses, UserScript script)
    {
        var t = built.Topology;
        var world = built.World;
        var tls = world.Keys.Tls.Issue(Address.Pc);
        var body = new JsonObject
        {
            ["embodiment"] = t.Embodiment.ToString(),
            ["roles"] = new JsonArray("PC"),
            ["addresses"] = new JsonObject(addresses.Where(a => a.Key != Address.Pc).OrderBy(a => a.Key.Value, StringComparer.Ordinal)
                .Select(a => KeyValuePair.Create(a.Key.Value, (JsonNode?)a.Value.ToString()))),
            ["wallets"] = new JsonArray([.. t.Wallets.Select(Wallet)]),
            ["knowledge"] = Knowledge(ImplBuilder.Config(t).Knowledge),
            ["answers"] = new JsonArray([.. script.Answers.Select(a => (JsonNode?)a.Given)]),
            ["tls"] = new JsonObject
            {
                ["root"] = world.Keys.Tls.RootPem,
                ["certificates"] = new JsonArray(new JsonObject
                {
                    ["address"] = Address.Pc.Value,
                    ["certificate"] = tls.ExportCertificatePem(),
                    ["key"] = tls.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem(),
                }),
            },
            ["logins"] = new JsonArray([.. t.Wallets.Select(w => (JsonNode)Login(LoginIssuer.User, w.Name, world))]),
            ["credentials"] = new JsonArray(),
            ["setRoot"] = Convert.ToBase64String(world.Pki.Root.GetEncoded()),
            ["now"] = world.Clock.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["timeout"] = (int)world.Wire.Timeout.TotalMilliseconds,
        };
        if (t.Traits.Asks == UserPrompt.AtSetUp && script.Preselected is { } p) body["preselected"] = p;
        return body;
    }

    /// <summary>
    /// The body for every slave wallet (E7, E9–E12) or custodian (E8) of <paramref name="built"/>'s world, our parties at
    /// <paramref name="addresses"/>: one TLS certificate per slave address (one SUT process plays each slave at an HTTPS
    /// origin of its own), the master's login at each slave (E7, E9–E12) or each custodian's server identity (E8), and the
    /// cardholder credentials of every slave's held brands.
    /// </summary>
    public static JsonObject ForSlaves(ImplBuilder built, IReadOnlyDictionary<Address, Uri> addresses)
    {
        var t = built.Topology;
        var world = built.World;
        var master = t.Master ?? new WalletSpec(WalletNames.Msw, [], []);
        var played = t.Wallets.Select(w => Address.ServerWallet(w.Name)).ToHashSet();
        var custody = EmbodimentTraits.Of(t.Embodiment).Embodiment == Embodiment.E8;
        var certificates = new JsonArray();
        foreach (var a in played.OrderBy(a => a.Value, StringComparer.Ordinal))
        {
            var tls = world.Keys.Tls.Issue(a);
            certificates.Add(new JsonObject
            {
                ["address"] = a.Value,
                ["certificate"] = tls.ExportCertificatePem(),
                ["key"] = tls.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem(),
            });
        }
        var body = new JsonObject
        {
            ["embodiment"] = t.Embodiment.ToString(),
            ["roles"] = new JsonArray("SSW"),
            ["addresses"] = new JsonObject(addresses.Where(a => !played.Contains(a.Key)).OrderBy(a => a.Key.Value, StringComparer.Ordinal)
                .Select(a => KeyValuePair.Create(a.Key.Value, (JsonNode?)a.Value.ToString()))),
            ["wallets"] = new JsonArray([.. t.Wallets.Select(Wallet)]),
            ["master"] = Wallet(master),
            ["knowledge"] = new JsonObject { ["kind"] = "None" },
            ["tls"] = new JsonObject { ["root"] = world.Keys.Tls.RootPem, ["certificates"] = certificates },
            ["logins"] = custody ? new JsonArray() : new JsonArray([.. t.Wallets.Select(w => (JsonNode)Login(master.Name, w.Name, world))]),
            ["credentials"] = new JsonArray([.. t.Wallets.SelectMany(w => w.Held.Select(b => (JsonNode)Credential(world.Pki.Cardholder(w.Name, b.Name))))]),
            ["setRoot"] = Convert.ToBase64String(world.Pki.Root.GetEncoded()),
            ["now"] = world.Clock.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["timeout"] = (int)world.Wire.Timeout.TotalMilliseconds,
        };
        if (custody) body["serverIdentities"] = new JsonArray([.. t.Wallets.Select(w => (JsonNode)ServerIdentity(world.Pki.ServerWallet(w.Name)))]);
        return body;
    }

    /// <summary>
    /// The body of <c>PUT /provision/parties/{name}/brands</c> (<c>WalletBrands</c>) for wallet <paramref name="wallet"/> of
    /// <paramref name="world"/>: the brands and the cardholder credential of each held one (a newly held brand cannot be
    /// paid with unless its credential is given).
    /// </summary>
    public static JsonObject Brands(PaymentWorld world, string wallet, IReadOnlyList<string> held, IEnumerable<string> advertised) => new()
    {
        ["held"] = Strings(held),
        ["advertised"] = Strings(advertised),
        ["credentials"] = new JsonArray([.. held.Select(b => (JsonNode)Credential(world.Pki.Cardholder(wallet, b)))]),
    };

    /// <summary>The <c>Knowledge</c> schema's form of the implementation's knowledge.</summary>
    public static JsonObject Knowledge(KnowledgeConfig k) => k switch
    {
        KnowledgeConfig.BrandTable b => new JsonObject
        {
            ["kind"] = "BrandTable",
            ["entries"] = new JsonArray([.. b.Entries.Select(e => (JsonNode)new JsonObject { ["wallet"] = e.Wallet, ["brands"] = Strings(e.Brands) })]),
        },
        KnowledgeConfig.InstalledWums w => new JsonObject
        {
            ["kind"] = "InstalledWums",
            ["entries"] = new JsonArray([.. w.Entries.Select(e => (JsonNode)new JsonObject { ["wallet"] = e.Wallet, ["version"] = e.Version, ["brands"] = Strings(e.Brands) })]),
        },
        KnowledgeConfig.SswList l => new JsonObject { ["kind"] = "SswList", ["names"] = Strings(l.Names) },
        _ => new JsonObject { ["kind"] = "None" },
    };

    private static JsonArray Strings(IEnumerable<string> s) => new([.. s.Select(x => (JsonNode)x)]);

    private static JsonObject Wallet(WalletSpec w)
    {
        var o = new JsonObject
        {
            ["name"] = w.Name,
            ["held"] = Strings(w.Held.Select(b => b.Name)),
            ["advertised"] = Strings(w.Advertised.Select(b => b.Name)),
        };
        if (w.Down) o["down"] = true;
        if (w.Silent) o["silent"] = true;
        return o;
    }

    private static JsonObject Login(string client, string wallet, PaymentWorld world) =>
        new() { ["client"] = client, ["wallet"] = wallet, ["key"] = Convert.ToBase64String(world.Logins.Key(client, wallet)) };

    private static JsonArray Chain(CertChain c) => new([.. c.Der.Select(d => (JsonNode)Convert.ToBase64String(d))]);

    private static JsonObject Credential(CardholderCredential c) => new()
    {
        ["wallet"] = c.Wallet,
        ["brand"] = c.Brand,
        ["chain"] = Chain(c.Signing.Chain),
        ["key"] = Convert.ToBase64String(c.Signing.Key.D.ToByteArrayUnsigned()),
        ["pan"] = c.Account.Pan,
        ["pan-secret"] = Convert.ToBase64String(c.Account.PanSecret),
        ["card-secret"] = Convert.ToBase64String(c.Account.CardSecret),
        ["expiry"] = c.Account.Expiry.Ticks,
    };

    private static JsonObject ServerIdentity(ServerWalletIdentity s) => new()
    {
        ["wallet"] = s.Name,
        ["signing-chain"] = Chain(s.Signing.Chain),
        ["signing-key"] = Convert.ToBase64String(s.Signing.Key.D.ToByteArrayUnsigned()),
        ["key-exchange-chain"] = Chain(s.KeyExchange.Chain),
        ["key-exchange-key"] = Convert.ToBase64String(PrivateKeyInfoFactory.CreatePrivateKeyInfo(s.KeyExchange.Key).GetEncoded()),
    };
}
