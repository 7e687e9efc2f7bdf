using MultiWallet.Impl.Client.Selection;
using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Client;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Server.Master;
using MultiWallet.Impl.Server.Slave;
using MultiWallet.Impl.Server;

namespace MultiWallet.Impl.World;

/// <summary>
/// Builds one embodiment (E1–E12) on a <see cref="PaymentWorld"/>: the server wallets, the user PC's entry
/// point (selector + WUMs, multi-server WUM, or a conventional WUM in front of a master wallet), the master
/// wallet with its slave routing, virtual WUM or certificate acquisition, and the scripted user.
/// <see cref="Parts"/> lets a caller substitute a component (a seeded fault in checks/Faults is one).
/// </summary>
public sealed class EmbodimentWorld
{
    public const string MasterName = "MSW";

    /// <summary>Component factories a caller may replace; each default is the faithful one.</summary>
    public sealed record Parts
    {
        public Func<EmbodimentWorld, ISelectorRouting>? SelectorRouting { get; init; }
        public Func<EmbodimentWorld, ISlaveRouting>? SlaveRouting { get; init; }
        /// <summary>Wraps the network the client side and the master use (a lying or tampering proxy, say).</summary>
        public Func<INetwork, INetwork>? ClientNetwork { get; init; }
        /// <summary>The user PC entry point's admission of wake-ups, given the trace and the entry's name.</summary>
        public Func<TraceLog, string, IWakeUpGate>? Gate { get; init; }
        /// <summary>The master wallet's store of credentials acquired from a slave (E8).</summary>
        public Func<IAcquiredCredentials>? AcquiredCredentials { get; init; }
    }

    private EmbodimentWorld(PaymentWorld world, TopologyConfig topology, IUser user)
    {
        World = world; Topology = topology; User = user;
    }

    public PaymentWorld World { get; }
    public TopologyConfig Topology { get; }
    public IUser User { get; }
    public INetwork Net => World.Network;
    public IPaymentEntry Entry { get; private set; } = null!;
    public MasterServerWallet? Master { get; private set; }
    public Dictionary<string, CredentialCustodian> Custodians { get; } = new(StringComparer.Ordinal);
    /// <summary>E4's installation (null elsewhere).</summary>
    public WumBrandInfoRouting? Installation { get; private set; }
    public IReadOnlyList<string> WalletNames => Topology.Wallets.Select(w => w.Name).ToList();

    public static EmbodimentWorld Build(PaymentWorld world, TopologyConfig topology, IUser user, Parts? parts = null)
    {
        var e = new EmbodimentWorld(world, topology, user);
        parts ??= new Parts();
        new UserPort(world.Network, user);
        var embodiment = topology.Embodiment;
        if (embodiment == "E8")
            foreach (var w in topology.Wallets) e.AddCustodian(w);
        else
            foreach (var w in topology.Wallets) world.AddServerWallet(w.Name, [.. w.Held]);
        foreach (var w in topology.Wallets.Where(w => w.Down)) e.SetDown(w.Name, true);

        var net = parts.ClientNetwork?.Invoke(world.Network) ?? world.Network;
        Func<string, IWakeUpGate>? gate = parts.Gate is { } g ? name => g(net.Trace, name) : null;
        if (!topology.IsMasterSlave)
        {
            e.Entry = embodiment == "E6"
                ? new MultiServerWum(net, e.WalletNames, parts.SelectorRouting?.Invoke(e), gate: gate)
                : new Selector(net, parts.SelectorRouting?.Invoke(e) ?? e.DefaultSelectorRouting(net), e.WalletNames.Select(n => new Wum(net, Address.ServerWallet(n))), gate: gate);
            return e;
        }
        var master = topology.Master ?? new WalletConfig(MasterName, []);
        var routing = parts.SlaveRouting?.Invoke(e) ?? e.DefaultSlaveRouting(net);
        var acquisition = embodiment == "E8"
            ? new CertificateAcquisition(net, Address.ServerWallet(master.Name), world.Pki.ServerWallet(master.Name), world.Validator(master.Name), world.Random("acquire/" + master.Name))
            : null;
        e.Master = new MasterServerWallet(master.Name, net, world.Validator(master.Name), world.Random("sw/" + master.Name), routing, acquisition, parts.AcquiredCredentials?.Invoke());
        foreach (var b in master.Held) e.Master.AddCredential(world.Pki.Cardholder(master.Name, b));
        var wum = new Wum(net, Address.ServerWallet(master.Name), gate: gate)
        {
            Info = embodiment switch
            {
                "E11" => bytes => new ClientInfo(bytes, (topology.BrandInfo ?? []).Select(b => (b.Wallet, b.Brands)).ToList(), []).Encode(),
                "E12" => bytes => new ClientInfo(bytes, [], topology.SswInfo ?? []).Encode(),
                _ => null,
            },
        };
        e.Entry = wum;
        return e;
    }

    private void AddCustodian(WalletConfig w)
    {
        var c = new CredentialCustodian(w.Name, Topology.Master?.Name ?? MasterName, World.Network, World.Validator(w.Name), World.Pki.ServerWallet(w.Name), World.Random("custodian/" + w.Name));
        foreach (var b in w.Held) c.AddCredential(World.Pki.Cardholder(w.Name, b));
        Custodians[w.Name] = c;
    }

    private ISelectorRouting DefaultSelectorRouting(INetwork net)
    {
        switch (Topology.Embodiment)
        {
            case "E1":
                var pre = new PreselectedRouting(WalletNames, net.Trace);
                pre.Register(User);
                return pre;
            case "E2": return new AskAtWakeUpRouting(WalletNames, User, net.Trace);
            case "E3": return new SelectorTableRouting((Topology.BrandInfo ?? []).Select(b => (b.Wallet, (IReadOnlySet<string>)b.Brands.ToHashSet())).ToList(), net.Trace);
            case "E4":
                Installation = new WumBrandInfoRouting(net.Trace, WalletNames);
                foreach (var (wallet, version, brands) in Topology.InstalledWums ?? []) Installation.Install(new BrandCarryingWum(wallet, version, brands.ToHashSet()));
                return Installation;
            case "E5": return new LiveBrandQueryRouting(net, Address.Pc, WalletNames, "E5", "selector");
            default: throw new ArgumentException($"{Topology.Embodiment} is not a selector embodiment");
        }
    }

    private ISlaveRouting DefaultSlaveRouting(INetwork net)
    {
        var self = Address.ServerWallet(Topology.Master?.Name ?? MasterName);
        var mswInfo = (Topology.BrandInfo ?? []).Select(b => (b.Wallet, (IReadOnlySet<string>)b.Brands.ToHashSet())).ToList();
        return Topology.Embodiment switch
        {
            "E7" or "E8" => new BrandInfoSlaveRouting(Topology.Embodiment, mswInfo, net.Trace),
            "E9" => new UserPickSlaveRouting("E9", Topology.SswInfo ?? [], net, self, Address.Pc),
            "E10" => new TypedAddressSlaveRouting(net, self, Address.Pc),
            "E11" => new BrandInfoSlaveRouting("E11", null, net.Trace),
            "E12" => new UserPickSlaveRouting("E12", null, net, self, Address.Pc),
            _ => throw new ArgumentException($"{Topology.Embodiment} is not a master/slave embodiment"),
        };
    }

    /// <summary>Marks a wallet down or up again (INV-ROUTE-COMPLETE cases).</summary>
    public void SetDown(string wallet, bool down) => World.Wire.SetDown(Address.ServerWallet(wallet), down);

    /// <summary>Changes the brands a server wallet holds (E5/E6 live information; any SW).</summary>
    public void ChangeBrands(string wallet, IEnumerable<string> held)
    {
        var sw = World.Wallets[wallet];
        foreach (var b in sw.Brands) sw.RemoveBrand(b);
        foreach (var b in held) sw.AddCredential(World.Pki.Cardholder(wallet, b));
    }

    public Task<Protocol.PaymentOutcome> PayAsync(byte[] wakeUp, CancellationToken ct = default) => Entry.PayAsync(wakeUp, ct);
}
