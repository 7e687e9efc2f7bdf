using System.Text.Json.Nodes;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;
using MultiWallet.Impl.Server;
using MultiWallet.Impl.Server.Slave;
using Org.BouncyCastle.Security;

namespace MultiWallet.Audit.SutHost;

/// <summary>
/// Every slave of one topology, built from a <c>ProvisionTopology</c> body alone (role SSW): a server wallet per
/// <c>wallets</c> entry accepting sessions from the master's login (E7, E9–E12), or a credential custodian releasing only
/// to the master its certificate names (E8). All of them share one HTTPS network, each on a listener and certificate of
/// its own, so the answer names one URL per slave address.
/// </summary>
public sealed class HostedSlaves : IHostedRole
{
    private readonly HttpNetwork net;
    private readonly Dictionary<string, ServerWallet> wallets;
    private readonly IReadOnlyList<string> names;
    private readonly SutDefect? defect;
    private readonly Dictionary<string, (CredentialCustodian Current, Func<CredentialCustodian?, CredentialCustodian> Build)> custodians;

    private HostedSlaves(HttpNetwork net, Dictionary<string, ServerWallet> wallets, IReadOnlyList<string> names, SutDefect? defect,
        Dictionary<string, (CredentialCustodian, Func<CredentialCustodian?, CredentialCustodian>)> custodians)
    {
        this.net = net; this.wallets = wallets; this.names = names; this.defect = defect; this.custodians = custodians;
    }

    /// <summary>
    /// E8 custodian <paramref name="name"/> crashes and restarts from what it persists, as our in-process custodian does
    /// (docs/DECISIONS.md, "Bounded resources": its credentials, its release records and count, the releases it sent), at
    /// the same address. False for a name that is no custodian here: a crash of a slave wallet stays not run (the campaign
    /// cannot tell which of the SUT's slaves holds the purchase's session).
    /// </summary>
    public bool Restart(string name)
    {
        lock (custodians)
        {
            if (!custodians.TryGetValue(name, out var c)) return false;
            custodians[name] = (c.Build(c.Current), c.Build);
            return true;
        }
    }

    /// <inheritdoc/>
    public TraceLog Trace => net.Trace;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Uri> Addresses
    {
        get
        {
            var map = net.AddressMap;
            return names.Select(Address.ServerWallet).ToDictionary(a => a.Value, a => map[a], StringComparer.Ordinal);
        }
    }

    /// <summary>Builds and starts every slave of the body; <paramref name="defect"/> seeds a defect (null: faithful).</summary>
    public static HostedSlaves Build(JsonObject body, SutDefect? defect)
    {
        var embodiment = ProvisionMaterial.MasterSlaveEmbodiment(body, "SSW");
        var master = ProvisionMaterial.Text(body["master"]!.AsObject(), "name");
        var clock = ProvisionMaterial.Clock(body);
        var net = ProvisionMaterial.Network(body);
        var setRoot = ProvisionMaterial.SetRoot(body);
        var logins = ProvisionMaterial.Logins(body);
        var specs = body["wallets"]!.AsArray().Select(w => w!.AsObject()).ToList();
        var wallets = new Dictionary<string, ServerWallet>(StringComparer.Ordinal);
        var names = new List<string>();
        var custodians = new Dictionary<string, (CredentialCustodian, Func<CredentialCustodian?, CredentialCustodian>)>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var name = ProvisionMaterial.Text(spec, "name");
            names.Add(name);
            var validator = new ChainValidator(setRoot, clock, name);
            var held = Held(ProvisionMaterial.Credentials(body, name), defect);
            if (embodiment == "E8")
            {
                var identity = ProvisionMaterial.ServerIdentity(body, name);
                CredentialCustodian New(CredentialCustodian? crashed)
                {
                    var c = new CredentialCustodian(name, master, net, validator, identity, new SecureRandom(), clock,
                        crashed is null ? null : (crashed.ReleaseRecords, crashed.ReleaseCount), crashed?.Sent);
                    foreach (var cred in crashed?.Credentials ?? held) c.AddCredential(cred);
                    return c;
                }
                custodians[name] = (New(null), New);
            }
            else
            {
                var accepted = new WalletLogins();
                foreach (var l in logins.Where(l => ProvisionMaterial.Text(l, "wallet") == name))
                    accepted.Register(ProvisionMaterial.Text(l, "client"), Convert.FromBase64String(ProvisionMaterial.Text(l, "key")));
                var sw = new ServerWallet(name, net, validator, new SecureRandom(), clock, logins: accepted);
                foreach (var cred in held) sw.AddCredential(cred);
                wallets[name] = sw;
            }
            var at = Address.ServerWallet(name);
            if (ProvisionMaterial.Flag(spec, "down")) net.SetDown(at, true);
            if (ProvisionMaterial.Flag(spec, "silent")) net.SetSilent(at, true);
        }
        return new HostedSlaves(net, wallets, names, defect, custodians);
    }

    /// <summary>
    /// The credentials a slave pays or releases with. <see cref="SutDefect.UnheldBrand"/>: every brand it does not hold is
    /// answered with its first credential under that brand's name, so it never refuses BrandNotHeld.
    /// </summary>
    private static IReadOnlyList<CardholderCredential> Held(IReadOnlyList<CardholderCredential> held, SutDefect? defect)
    {
        if (defect != SutDefect.UnheldBrand || held.Count == 0) return held;
        var brands = held.Select(c => c.Brand).ToHashSet(StringComparer.Ordinal);
        return [.. held, .. Brands.All.Where(b => !brands.Contains(b.Name)).Select(b => held[0] with { Brand = b.Name })];
    }

    /// <inheritdoc/>
    public bool ReplaceKnowledge(JsonObject knowledge) => false;

    /// <inheritdoc/>
    public bool SetState(string name, string state)
    {
        if (!names.Contains(name)) return false;
        var at = Address.ServerWallet(name);
        net.SetDown(at, state == "down");
        net.SetSilent(at, state == "silent");
        return true;
    }

    /// <inheritdoc/>
    public bool ChangeBrands(string name, IReadOnlyList<CardholderCredential> credentials)
    {
        if (!wallets.TryGetValue(name, out var sw)) return false;
        foreach (var b in sw.Brands) sw.RemoveBrand(b);
        foreach (var c in Held(credentials, defect)) sw.AddCredential(c);
        return true;
    }

    /// <summary>Stops every slave's listener.</summary>
    public ValueTask DisposeAsync() => net.DisposeAsync();
}
