using MultiWallet.Checks.Bridge;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Generators;

/// <summary>One generated case: topology, user script and steps (typically 1–4 wake-ups).</summary>
public sealed record GeneratedScenario(Topology Topology, UserScript Script, IReadOnlyList<Step> Steps)
{
    /// <summary>The readable counterexample form: topology, user script and steps, one per line.</summary>
    public override string ToString() => ConformanceRunner.Describe(Topology, Script, Steps);
    /// <summary>How many steps present a wake-up (fresh or replayed).</summary>
    public int WakeUps => Steps.Count(s => s is Step.WakeUp or Step.Replay);
    /// <summary>Size of a counterexample: wallets + steps + answers.</summary>
    public int Size => Topology.Wallets.Count + Steps.Count + Script.Answers.Count;
}
