using System.Collections.Immutable;
using MultiWallet.Model.Client;
using MultiWallet.Model.Machines;
using MultiWallet.Model.Server;
using MultiWallet.Model.Set;
using MultiWallet.Model.Vocabulary;
using Stateless.Graph;

namespace MultiWallet.Model.Graphs;

/// <summary>
/// Every machine of the model, exported. The graphs do not depend on the topology (guards read it at
/// firing time), so a minimal world is enough to build each machine.
/// </summary>
public static class ModelGraphs
{
    public static IReadOnlyList<IModelMachine> Machines()
    {
        var run = new RunContext(PredictorOptions.Default);
        var world = new World(new Topology(EmbodimentTraits.All[0].Embodiment, [WalletSpec.Honest(WalletNames.Sw(1), Brand.BrandA)]), UserScript.Silent);
        var wake = new Step.WakeUp(new OrderId("M", "L"), Brand.BrandA);
        return
        [
            new EntryPoint(run, wake, ImmutableHashSet<OrderId>.Empty),
            new Selector(run, world, Brand.BrandA, new Dictionary<string, BrandCarryingWum>()),
            new ConventionalWum(run, world, WalletNames.Sw(1)),
            new BrandCarryingWum(run, WalletNames.Sw(1)),
            new MultiServerWum(run, world, Brand.BrandA),
            new ServerWallet(run, world, WalletNames.Sw(1), Brand.BrandA, WakeUpDefect.None),
            new SetPurchase(run, WakeUpDefect.None),
            new MasterServerWallet(run, world, Brand.BrandA, WakeUpDefect.None),
            new CredentialCustodian(run, world, WalletNames.Ssw(1), Brand.BrandA),
        ];
    }

    public static IReadOnlyList<MachineGraph> All() =>
        Machines().Select(m => new MachineGraph(m.Name, m.Info, UmlDotGraph.Format(m.Info), MermaidGraph.Format(m.Info))).ToList();
}
