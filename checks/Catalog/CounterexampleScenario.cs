using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Catalog;

/// <summary>
/// A shrunk counterexample as a scenario object (not only its text), so the audit can write it as a scenario file that
/// `check` and `verify --replay` play again: the same topology, user script and steps, in the seeded fault's world when
/// <paramref name="SeededFault"/> names one.
/// </summary>
/// <param name="CheckId">The check that found it (PROP-INV-…, FAULT-…).</param>
/// <param name="Embodiment">The embodiment it runs in.</param>
/// <param name="Topology">Wallets, master and knowledge.</param>
/// <param name="Script">The user's answers.</param>
/// <param name="Steps">The steps.</param>
/// <param name="SeededFault">The seeded fault whose world it fails in, or null for the faithful world.</param>
/// <param name="Violation">What was violated, as the check reported it.</param>
public sealed record CounterexampleScenario(string CheckId, Embodiment Embodiment, Topology Topology, UserScript Script, IReadOnlyList<Step> Steps,
    string? SeededFault, string Violation) : IEvidence
{
    /// <summary>The attacker's position and steps played against the steps (a counterexample of the attacker campaign), or null.</summary>
    public Attacks.Attack? Attack { get; init; }

    /// <summary>One line for the evidence's facts: which check, where, how big, in which world.</summary>
    public override string ToString() =>
        $"{CheckId} in {Embodiment}: {Steps.Count} step(s){(Attack is null ? "" : $", {Attack.Events.Count} attack step(s) at {Attacks.Positions.Id(Attack.Position)}")}{(SeededFault is null ? "" : $" in the world of {SeededFault}")}: {Violation}";
}
