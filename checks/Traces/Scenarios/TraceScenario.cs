using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Traces.Scenarios;

/// <summary>A canonical scenario: name, embodiment, topology, scripted user answers, wake-ups with their expected outcomes.</summary>
public sealed record TraceScenario(string Name, string Summary, TopologyConfig Topology, IReadOnlyList<string?> Answers, IReadOnlyList<WakeUpStep> WakeUps)
{
    /// <summary>Fixed so the committed snapshot stays valid whatever seed a catalog run is given (the patent's filing date).</summary>
    public const int Seed = 20000203;

    public string Embodiment => Topology.Embodiment;
    public int ExpectedAuthorizations => WakeUps.Count(w => w.Expect.Paid);
    public override string ToString() => Name;
}
