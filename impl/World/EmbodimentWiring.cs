using MultiWallet.Impl.Client;
using MultiWallet.Impl.Client.Selection;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Server.Master;

namespace MultiWallet.Impl.World;

/// <summary>
/// How each embodiment is built, as data: the one table <see cref="EmbodimentWorld"/> reads. A user-PC
/// embodiment names its entry point and the routing strategy behind it; a master/slave embodiment names the
/// MSW's slave routing, whether the slaves keep custody of their credentials (the MSW acquires one), and
/// whether the client WUM sends its knowledge with the wake-up.
/// </summary>
/// <param name="Embodiment">The embodiment's name, as the trace and the topology spell it.</param>
public sealed record EmbodimentWiring(string Embodiment)
{
    /// <summary>The user PC's entry point around a routing strategy (user-PC embodiments only; null routing: the entry's own).</summary>
    public Func<EmbodimentWorld, INetwork, ISelectorRouting?, Func<string, IWakeUpGate>?, IPaymentEntry>? PcEntry { get; init; }

    /// <summary>The faithful routing strategy of the PC's entry point; null when the entry point brings its own.</summary>
    public Func<EmbodimentWorld, INetwork, ISelectorRouting>? SelectorRouting { get; init; }

    /// <summary>The faithful slave routing of the MSW, given its own address (master/slave embodiments only).</summary>
    public Func<EmbodimentWorld, INetwork, Address, ISlaveRouting>? SlaveRouting { get; init; }

    /// <summary>The user registers a wallet before any payment (the scripted user's first answer is that registration).</summary>
    public bool AsksUserAtSetUp { get; init; }

    /// <summary>Slaves are credential custodians; the MSW acquires a credential and pays itself.</summary>
    public bool SlavesKeepCredentials { get; init; }

    /// <summary>The client WUM sends the topology's knowledge to the MSW with each wake-up.</summary>
    public bool WumSendsKnowledge { get; init; }

    /// <summary>A master wallet stands between the client WUM and the slaves.</summary>
    public bool IsMasterSlave => SlaveRouting is not null;

    private static readonly Func<EmbodimentWorld, INetwork, ISelectorRouting?, Func<string, IWakeUpGate>?, IPaymentEntry> SelectorEntry =
        (w, net, routing, gate) => new Selector(net, routing ?? throw new InvalidOperationException("a selector needs a routing strategy"), w.WalletNames.Select(n => new Wum(net, Address.ServerWallet(n), w.World.PcLogin)), gate: gate);

    private static readonly Func<EmbodimentWorld, INetwork, ISelectorRouting?, Func<string, IWakeUpGate>?, IPaymentEntry> MultiServerEntry =
        (w, net, routing, gate) => new MultiServerWum(net, routing ?? throw new InvalidOperationException("a multi-server WUM needs a routing strategy"), w.World.PcLogin, gate: gate);

    /// <summary>The twelve embodiments.</summary>
    public static IReadOnlyList<EmbodimentWiring> All { get; } =
    [
        new("E1") { PcEntry = SelectorEntry, AsksUserAtSetUp = true, SelectorRouting = (w, net) => Registered(new PreselectedRouting(w.WalletNames, net.Trace), w.User) },
        new("E2") { PcEntry = SelectorEntry, SelectorRouting = (w, net) => new AskAtWakeUpRouting(w.WalletNames, w.User, net.Trace) },
        new("E3") { PcEntry = SelectorEntry, SelectorRouting = (w, net) => new SelectorTableRouting(w.Topology.Knowledge.BrandSets, net.Trace) },
        new("E4") { PcEntry = SelectorEntry, SelectorRouting = (w, net) => Installed(new WumBrandInfoRouting(net.Trace, w.WalletNames), w.Topology.Knowledge) },
        new("E5") { PcEntry = SelectorEntry, SelectorRouting = (w, net) => new LiveBrandQueryRouting(net, Address.Pc, w.WalletNames, "E5", "selector") },
        new("E6") { PcEntry = MultiServerEntry, SelectorRouting = (w, net) => new LiveBrandQueryRouting(net, Address.Pc, w.WalletNames, "E6", MultiServerWum.DefaultName) },
        new("E7") { SlaveRouting = (w, net, self) => new BrandInfoSlaveRouting("E7", w.Topology.Knowledge.BrandSets, net.Trace) },
        new("E8") { SlaveRouting = (w, net, self) => new BrandInfoSlaveRouting("E8", w.Topology.Knowledge.BrandSets, net.Trace), SlavesKeepCredentials = true },
        new("E9") { SlaveRouting = (w, net, self) => new UserPickSlaveRouting("E9", w.Topology.Knowledge.Ssws, net, self, Address.Pc, w.UserPortKey(self)) },
        new("E10") { SlaveRouting = (w, net, self) => new TypedAddressSlaveRouting(net, self, Address.Pc, w.UserPortKey(self)) },
        new("E11") { SlaveRouting = (w, net, self) => new BrandInfoSlaveRouting("E11", null, net.Trace), WumSendsKnowledge = true },
        new("E12") { SlaveRouting = (w, net, self) => new UserPickSlaveRouting("E12", null, net, self, Address.Pc, w.UserPortKey(self)), WumSendsKnowledge = true },
    ];

    /// <summary>The wiring of one embodiment.</summary>
    public static EmbodimentWiring Of(string embodiment) =>
        All.SingleOrDefault(w => w.Embodiment == embodiment) ?? throw new ArgumentException($"unknown embodiment {embodiment}");

    private static PreselectedRouting Registered(PreselectedRouting routing, Client.User.IUser user)
    {
        routing.Register(user);
        return routing;
    }

    private static WumBrandInfoRouting Installed(WumBrandInfoRouting routing, KnowledgeConfig knowledge)
    {
        foreach (var (wallet, version, brands) in knowledge.Wums) routing.Install(new BrandCarryingWum(wallet, version, brands.ToHashSet()));
        return routing;
    }
}
