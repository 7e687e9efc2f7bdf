using MultiWallet.Checks.Generators;

namespace MultiWallet.Checks.Attacks;

/// <summary>A generated case of the attacker campaign: an honest scenario and the attack played against it.</summary>
public sealed record AttackedScenario(GeneratedScenario Scenario, Attack Attack)
{
    /// <summary>The readable counterexample form: the scenario's lines, then the attack's.</summary>
    public override string ToString() => Scenario + Environment.NewLine + Attack;

    /// <summary>Size for shrinking: scenario size plus events.</summary>
    public int Size => Scenario.Size + Attack.Events.Count;
}
