using MultiWallet.Impl.Client;
using MultiWallet.Impl.Client.Selection;
using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Routing;
using MultiWallet.Impl.Server.Master;
using MultiWallet.Impl.Server.Slave;

namespace MultiWallet.Impl.World;

/// <summary>
/// Builds one embodiment on a <see cref="PaymentWorld"/> from its <see cref="EmbodimentWiring"/>: the server wallets, the user PC's entry
/// point (selector + WUMs, multi-server WUM, or a conventional WUM in front of a master wallet), the master
/// wallet with its slave routing, virtual WUM or certificate acquisition, and the scripted user.
/// <see cref="Parts"/> lets a caller substitute a component (a seeded fault in checks/Faults is one).
/// </summary>
public sealed class EmbodimentWorld
{
    public const string MasterName = "MSW";

    /// <summary>The name <see cref="Restart"/> knows the user PC by.</summary>
    public const string PcParty = "pc";

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
        /// <summary>Components of the world's own parties (merchant, gateway, server wallets, hop table), applied before anything is built.</summary>
        public WorldParts? World { get; init; }
    }

    private Parts parts = new();
    private ISlaveRouting? slaveRouting;
    private ISelectorRouting? selectorRouting;
    private INetwork? clientNet;

    private EmbodimentWorld(PaymentWorld world, TopologyConfig topology, IUser user)
    {
        World = world; Topology = topology; User = user;
        clientKnowledge = topology.Knowledge;
    }

    private KnowledgeConfig clientKnowledge;
    private KnowledgeConfig? sentOnce;

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
        e.parts = parts;
        if (parts.World is { } own) world.Use(own);
        new UserPort(world.Network, user, world.PcLogin);
        var wiring = topology.Wiring;
        if (wiring.SlavesKeepCredentials)
            foreach (var w in topology.Wallets) e.AddCustodian(w);
        else
            foreach (var w in topology.Wallets) world.AddServerWallet(w.Name, [.. w.Held]);
        foreach (var w in topology.Wallets.Where(w => w.Down)) e.SetDown(w.Name, true);
        // The master's login at each slave wallet it proxies to (E8's custodians authenticate the master by its certificate).
        if (wiring.IsMasterSlave && !wiring.SlavesKeepCredentials)
            foreach (var w in topology.Wallets) world.Logins.Register(world.Wallets[w.Name].Logins, topology.Master?.Name ?? MasterName, w.Name);

        var net = e.clientNet = parts.ClientNetwork?.Invoke(world.Network) ?? world.Network;
        if (wiring.PcEntry is not null)
            e.selectorRouting = parts.SelectorRouting?.Invoke(e) ?? e.DefaultSelectorRouting(wiring, net);
        else
        {
            var master = topology.Master ?? new WalletConfig(MasterName, []);
            var self = Address.ServerWallet(master.Name);
            e.slaveRouting = parts.SlaveRouting?.Invoke(e) ?? wiring.SlaveRouting!(e, net, self);
            e.Master = e.NewMaster(master.Name, master.Held.Select(b => world.Pki.Cardholder(master.Name, b)), "", world.Logins.Register(new Server.WalletLogins(), LoginIssuer.User, master.Name));
        }
        e.Entry = e.NewEntry();
        return e;
    }

    /// <summary>
    /// The user PC's entry point, built from the configuration (routing strategy, installed WUMs: kept across a restart) and
    /// the PC's disk (<see cref="PcDisk"/>): each entry point's gate is the persisted one, its sessions go on its disk.
    /// </summary>
    private IPaymentEntry NewEntry()
    {
        var net = clientNet!;
        var disk = PcDisk.For(net);
        Func<string, IWakeUpGate> gate = name => disk.Gate(name, () => parts.Gate?.Invoke(net.Trace, name) ?? new WakeUpGate(net.Trace, name, World.Clock));
        if (Topology.Wiring.PcEntry is { } pcEntry) return pcEntry(this, net, selectorRouting, gate);
        return new Wum(net, Address.ServerWallet(Master!.Name), World.PcLogin, gate: gate)
        {
            Info = Topology.Wiring.WumSendsKnowledge ? wakeUp => (sentOnce ?? clientKnowledge).ClientInfoFor(wakeUp) : null,
        };
    }

    /// <summary>
    /// Runs the wake-up through the PC's entry point. When the PC crashes during the purchase (a generated crash step
    /// restarted it: <see cref="Restart"/> with <see cref="PcParty"/>), the restarted PC takes up every session it persisted
    /// (<see cref="ResumeAsync"/>), and what the user is told for this wake-up is the outcome of its order's session.
    /// </summary>
    public async Task<Protocol.PaymentOutcome> PayAsync(byte[] wakeUp, CancellationToken ct = default)
    {
        try
        {
            return await Entry.PayAsync(wakeUp, ct).ConfigureAwait(false);
        }
        catch (SenderCrashedException e) when (e.Party == Address.Pc)
        {
            // The wake-up was admitted (nothing is sent before), so it parses.
            var lid = Set.WakeUp.Decode(wakeUp).LidM;
            var resumed = await ResumeAsync(ct).ConfigureAwait(false);
            return resumed.TryGetValue(lid, out var o)
                ? o
                : Protocol.Refused.Because(Protocol.RefusalReason.ProtocolError, null, $"the PC restarted before a wallet session for order {lid} was open");
        }
    }

    /// <summary>
    /// What a restarted PC does first: takes up each wallet session its disk holds open (<see cref="WalletRelay.ResumeAsync"/>)
    /// and reports each outcome; returns them by LID-M.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Protocol.PaymentOutcome>> ResumeAsync(CancellationToken ct = default)
    {
        var net = clientNet!;
        var outcomes = new Dictionary<string, Protocol.PaymentOutcome>(StringComparer.Ordinal);
        foreach (var s in PcDisk.For(net).Sessions.All)
        {
            var o = await new WalletRelay(net, s.Self, s.Merchant, World.PcLogin).ResumeAsync(s, ct).ConfigureAwait(false);
            net.Trace.Decide(Address.Pc.Value, TraceDecisions.Outcome, new Dictionary<string, string> { ["lid-m"] = s.LidM, ["after"] = "resume" }, o.ToString());
            outcomes[s.LidM] = o;
        }
        return outcomes;
    }

    /// <summary>The master wallet with its configuration (own credentials, slave routing, logins); sessions and acquired credentials start empty.</summary>
    private MasterServerWallet NewMaster(string name, IEnumerable<Crypto.CardholderCredential> own, string restart, Server.WalletLogins logins, Server.Master.MasterLog? persisted = null)
    {
        var self = Address.ServerWallet(name);
        var acquisition = Topology.Wiring.SlavesKeepCredentials
            ? new CertificateAcquisition(clientNet!, self, World.Pki.ServerWallet(name), World.Validator(name), World.Random("acquire/" + name + restart))
            : null;
        var m = new MasterServerWallet(name, clientNet!, World.Validator(name), World.Random("sw/" + name + restart), slaveRouting!, acquisition, parts.AcquiredCredentials?.Invoke(), World.Clock,
            World.Parts.Amnesiac.Contains(name) ? null : persisted, logins, World.Logins.Client(name, World.Random("sessions/" + name + restart)), World.Parts.SessionAuthentication);
        foreach (var c in own) m.AddCredential(c);
        return m;
    }

    private void AddCustodian(WalletConfig w) =>
        Custodians[w.Name] = NewCustodian(w.Name, w.Held.Select(b => World.Pki.Cardholder(w.Name, b)), null, "", null);

    private CredentialCustodian NewCustodian(string name, IEnumerable<Crypto.CardholderCredential> held, (Server.ExpiringTable<(string, string), bool>, int)? persisted, string restart, Server.RecordedReplies? sent)
    {
        var c = new CredentialCustodian(name, Topology.Master?.Name ?? MasterName, World.Network, World.Validator(name), World.Pki.ServerWallet(name), World.Random("custodian/" + name + restart), World.Clock, persisted, sent);
        foreach (var cred in held) c.AddCredential(cred);
        return c;
    }

    private int restarts;

    /// <summary>
    /// Crash and restart of <paramref name="party"/>: the master wallet (by its name) keeps its configuration (own
    /// credentials, slave routing), its own purchases' transaction log and its proxied sessions' routing, and loses every
    /// other session state and its acquired credentials; the user PC (<see cref="PcParty"/>) keeps what is on its disk
    /// (<see cref="PcDisk"/>: accepted orders, unknown outcomes, open sessions) and its configuration; a custodian keeps
    /// its credentials, its release records (and release count) and the releases it sent; any other name is the world's
    /// (<see cref="PaymentWorld.Restart"/>). docs/DECISIONS.md, "Bounded resources", lists what each party persists.
    /// Returns false for a name no party of this world has.
    /// </summary>
    public bool Restart(string party)
    {
        var n = ++restarts;
        if (party == PcParty)
        {
            // The PC keeps its configuration and login keys; its disk unless amnesiac (a seeded fault). The relay's work in flight is gone.
            if (World.Parts.Amnesiac.Contains(PcParty)) PcDisk.Wipe(clientNet!);
            Entry = NewEntry();
            return true;
        }
        if (Master is { } m && party == m.Name)
        {
            Master = NewMaster(m.Name, m.OwnCredentials, $"/restart-{n}", m.Logins, m.Persisted);
            return true;
        }
        if (Custodians.TryGetValue(party, out var c))
        {
            Custodians[party] = NewCustodian(party, c.Credentials, (c.ReleaseRecords, c.ReleaseCount), $"/restart-{n}", c.Sent);
            return true;
        }
        return World.Restart(party);
    }

    /// <summary>The wiring's faithful strategy; an E4-style installation is kept so that re-installs reach it.</summary>
    private ISelectorRouting? DefaultSelectorRouting(EmbodimentWiring wiring, INetwork net)
    {
        var routing = wiring.SelectorRouting?.Invoke(this, net);
        Installation = routing as WumBrandInfoRouting;
        return routing;
    }

    /// <summary>What the master at <paramref name="master"/> asks the user port with: the user's login there and its key.</summary>
    public Protocol.UserPortKey UserPortKey(Address master)
    {
        var name = master.WalletName ?? master.Value;
        return new(name, LoginIssuer.User, World.Logins.Key(LoginIssuer.User, name));
    }

    /// <summary>
    /// The routing knowledge changes from the next wake-up on: the client WUM's (E11/E12: what it sends with each wake-up), or
    /// the knowledge the routing strategy holds (E3's selector table, the MSW's information of E7–E9). False when neither
    /// holds any (another embodiment, or a substituted strategy that does not take replacements).
    /// </summary>
    public bool ChangeKnowledge(KnowledgeConfig knowledge)
    {
        if (Topology.Wiring.WumSendsKnowledge)
        {
            clientKnowledge = knowledge;
            return true;
        }
        object? routing = selectorRouting ?? (object?)slaveRouting;
        return routing is IReplaceableKnowledge r && r.Replace(knowledge.BrandSets, knowledge.Ssws);
    }

    /// <summary>
    /// E11/E12: the client WUM sends <paramref name="knowledge"/> with the wake-ups that follow, in place of what it holds,
    /// until called again with null (¶0160, ¶0172: the information travels with each wake-up). False elsewhere.
    /// </summary>
    public bool SendWithWakeUp(KnowledgeConfig? knowledge)
    {
        if (!Topology.Wiring.WumSendsKnowledge) return false;
        sentOnce = knowledge;
        return true;
    }

    /// <summary>Makes a wallet accept requests but never answer them (or answer again): its senders reach their bounded wait.</summary>
    public void SetSilent(string wallet, bool silent) => World.Wire.SetSilent(Address.ServerWallet(wallet), silent);

    /// <summary>Marks a wallet down or up again (INV-ROUTE-COMPLETE cases).</summary>
    public void SetDown(string wallet, bool down) => World.Wire.SetDown(Address.ServerWallet(wallet), down);

    /// <summary>Changes the brands a server wallet holds (E5/E6 live information; any SW).</summary>
    public void ChangeBrands(string wallet, IEnumerable<string> held)
    {
        var sw = World.Wallets[wallet];
        foreach (var b in sw.Brands) sw.RemoveBrand(b);
        foreach (var b in held) sw.AddCredential(World.Pki.Cardholder(wallet, b));
    }

}
