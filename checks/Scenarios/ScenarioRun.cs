namespace MultiWallet.Audit.Scenarios;

/// <summary>The result of running one scenario file: a report per wake-up, the set-up events, and what ran.</summary>
/// <param name="Reports">One per wake-up or replay step (a hang ends the list).</param>
/// <param name="Setup">The set-up and the world-changing steps, in order (empty when the implementation did not run in-process).</param>
/// <param name="Mode">A line saying what ran.</param>
/// <param name="ExpectationsChecked">Whether the file's expectations were held against the implementation (not against a served world).</param>
public sealed record ScenarioRun(IReadOnlyList<WakeUpReport> Reports, IReadOnlyList<SetupEvent> Setup, string Mode, bool ExpectationsChecked = true)
{
    /// <summary>Every invariant that applies to the embodiment, judged on this run (empty for a served run).</summary>
    public IReadOnlyList<InvariantVerdict> Invariants { get; init; } = [];

    /// <summary>What the attacker of an attacked file did (null for an honest file).</summary>
    public AttackReport? Attack { get; init; }
}
