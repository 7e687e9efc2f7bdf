using System.Text.Json.Nodes;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Routing;
using MultiWallet.Impl.Server;
using MultiWallet.Impl.Server.Master;
using Org.BouncyCastle.Security;

namespace MultiWallet.Audit.SutHost;

/// <summary>
/// Our master wallet (impl/Server/Master) built from one <c>ProvisionTopology</c> body alone, as any system under test
/// must build its own (docs/protocol/openapi.yaml, "Provisioning"): its own HTTPS listener and network, the keys and
/// credentials the body carries, the other parties at the addresses it names, a clock fixed at <c>now</c>. It knows
/// nothing of the campaign's world but what the document gives it.
/// </summary>
public sealed class HostedMaster : IHostedRole
{
    private readonly HttpNetwork net;
    private readonly IReplaceableKnowledge? knowledge;

    private readonly Func<MasterServerWallet?, MasterServerWallet> build;

    private HostedMaster(HttpNetwork net, Func<MasterServerWallet?, MasterServerWallet> build, IReplaceableKnowledge? knowledge)
    {
        this.net = net; this.build = build; this.knowledge = knowledge;
        Master = build(null);
    }

    /// <summary>The master (a new instance after each <see cref="Restart"/>).</summary>
    public MasterServerWallet Master { get; private set; }

    /// <summary>
    /// The master crashes and restarts from what it persists (docs/DECISIONS.md, "Bounded resources": its logins, own
    /// credentials, its own purchases' transaction log, its proxied sessions' routing and its session log; its routing
    /// knowledge is configuration): a new instance listens at the same address, and every other state, acquired E8
    /// credentials included, is lost. The crashed instance's requests in flight end with its own bounded waits; whatever
    /// it answers after this reaches nobody it would matter to (the campaign counts an answer across a restart as lost).
    /// False for a name it does not play.
    /// </summary>
    public bool Restart(string name)
    {
        if (name != Master.Name) return false;
        Master = build(Master);
        return true;
    }

    /// <summary>The trace of what the master saw, sent and decided.</summary>
    public TraceLog Trace => net.Trace;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Uri> Addresses => new Dictionary<string, Uri> { [Master.At.Value] = net.AddressMap[Master.At] };

    /// <summary>Builds and starts the master of the body; <paramref name="defect"/> seeds a defect (null: faithful).</summary>
    public static HostedMaster Build(JsonObject body, SutDefect? defect)
    {
        var embodiment = ProvisionMaterial.MasterSlaveEmbodiment(body, "MSW");
        var master = body["master"]!.AsObject();
        var name = Text(master, "name");
        var self = Address.ServerWallet(name);
        var clock = ProvisionMaterial.Clock(body);
        var net = ProvisionMaterial.Network(body);

        var setRoot = ProvisionMaterial.SetRoot(body);
        var validator = new ChainValidator(setRoot, clock, name);
        var rng = new SecureRandom();
        var keys = body["logins"]!.AsArray().Select(l => l!.AsObject()).ToList();
        var logins = new WalletLogins();
        foreach (var l in keys.Where(l => Text(l, "wallet") == name)) logins.Register(Text(l, "client"), Convert.FromBase64String(Text(l, "key")));
        var slaveKeys = keys.Where(l => Text(l, "client") == name).ToDictionary(l => Text(l, "wallet"), l => Convert.FromBase64String(Text(l, "key")), StringComparer.Ordinal);
        // The master keeps no list of slaves (¶0153): it learns that nobody is at a typed address only by trying it, and the
        // network answers UnknownAddress (docs/DECISIONS.md, refusal reasons). A wallet it holds no login at gets a
        // throwaway key, so the network, not the login table, decides, as with our in-process master, whose login issuer
        // has a key for any pairing; a slave that exists was provisioned with the real one.
        ClientLogin SlaveLogin() => new(name, w => slaveKeys.GetValueOrDefault(w) ?? Throwaway(w), rng);
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
        var identity = embodiment == "E8" ? ProvisionMaterial.ServerIdentity(body, name) : null;
        var credentials = ProvisionMaterial.Credentials(body, name);
        MasterServerWallet New(MasterServerWallet? crashed)
        {
            // Sessions with the slaves are opened afresh, as our in-process master's are after a restart.
            var acquisition = identity is null ? null : new CertificateAcquisition(net, self, identity, validator, rng);
            var m = new MasterServerWallet(name, net, validator, rng, routing, acquisition, clock: clock, persisted: crashed?.Persisted,
                logins: crashed?.Logins ?? logins, slaveLogin: SlaveLogin(), authentication: defect == SutDefect.AcceptAnyMac ? new AnyMacAuthentication() : null);
            foreach (var c in crashed?.OwnCredentials ?? credentials) m.AddCredential(c);
            return m;
        }
        if (ProvisionMaterial.Flag(master, "down")) net.SetDown(self, true);
        if (ProvisionMaterial.Flag(master, "silent")) net.SetSilent(self, true);
        return new HostedMaster(net, New, routing as IReplaceableKnowledge);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Throwaways = new(StringComparer.Ordinal);

    private static byte[] Throwaway(string wallet) => Throwaways.GetOrAdd(wallet, _ => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private const string LoginIssuer = MultiWallet.Impl.World.LoginIssuer.User;

    /// <inheritdoc/>
    public bool ReplaceKnowledge(JsonObject k)
    {
        var (table, ssws) = Knowledge(k);
        return knowledge is not null && knowledge.Replace(table, ssws);
    }

    /// <summary>Up, down (every request from outside aborted) or silent (never answered).</summary>
    public bool SetState(string name, string state)
    {
        if (name != Master.Name) return false;
        net.SetDown(Master.At, state == "down");
        net.SetSilent(Master.At, state == "silent");
        return true;
    }

    /// <summary>A master's brands never change in the campaign (no step changes them).</summary>
    public bool ChangeBrands(string name, IReadOnlyList<CardholderCredential> credentials) => false;

    private static string Text(JsonObject o, string key) => ProvisionMaterial.Text(o, key);

    private static (IReadOnlyList<(string, IReadOnlySet<string>)> Table, IReadOnlyList<string> Ssws) Knowledge(JsonObject k) => (string)k["kind"]! switch
    {
        "BrandTable" => ([.. k["entries"]!.AsArray().Select(e => (Text(e!.AsObject(), "wallet"), (IReadOnlySet<string>)e!["brands"]!.AsArray().Select(b => (string)b!).ToHashSet()))], []),
        "SswList" => ([], [.. k["names"]!.AsArray().Select(n => (string)n!)]),
        "None" => ([], []),
        var other => throw new UnsupportedTopologyException($"knowledge {other} is not a master's"),
    };

    /// <summary>Stops its listener.</summary>
    public ValueTask DisposeAsync() => net.DisposeAsync();
}
