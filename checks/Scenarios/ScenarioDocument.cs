using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Audit.Scenarios;

/// <summary>A scenario file parsed into the model's vocabulary (see scenarios/README.md for the format).</summary>
/// <param name="Path">The file it was read from.</param>
/// <param name="Title">Its free-text title.</param>
/// <param name="Topology">Wallets, master and routing knowledge.</param>
/// <param name="User">The user's answers, in the order the system consumes them.</param>
/// <param name="Steps">The steps, in order.</param>
public sealed record ScenarioDocument(string Path, string? Title, Topology Topology, UserScript User, IReadOnlyList<Step> Steps)
{
    /// <summary>The auditor's expectations, by step index (wake-up and replay steps only).</summary>
    public IReadOnlyDictionary<int, Expectation> Expectations { get; init; } = new Dictionary<int, Expectation>();

    /// <summary>
    /// When answers are bound to wake-ups (`answers:` on a wake-up step): how many answers each wake-up step carries.
    /// Null when the file uses the one queue `user.answers`.
    /// </summary>
    public IReadOnlyDictionary<int, int>? BoundAnswers { get; init; }

    /// <summary>The line of the file each step starts on, by step index (what a failed check of that step names).</summary>
    public IReadOnlyDictionary<int, long> StepLines { get; init; } = new Dictionary<int, long>();

    /// <summary>The seeded fault (checks/Faults, e.g. FAULT-E1-FIRST-WUM) whose faulty world the file is played in, or null for the faithful world.</summary>
    public string? SeededFault { get; init; }

    /// <summary>Requirement ids the file claims beyond those its embodiment and expectations give (`requirements:`; <see cref="ScenarioRequirements"/>).</summary>
    public IReadOnlyList<string> Requirements { get; init; } = [];

    /// <summary>The attacker's position and steps (`attack:`), or null: an attacked file is judged by the attack properties, not against the model.</summary>
    public MultiWallet.Checks.Attacks.Attack? Attack { get; init; }
}
