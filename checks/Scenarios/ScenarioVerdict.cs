namespace MultiWallet.Audit.Scenarios;

/// <summary>
/// What `check FILE` decides from a run, and what a file's catalog check decides (the same judgement, written once): the
/// model and the implementation agree on every wake-up and set-up step, every expectation of the file holds, and no
/// invariant judged on the run is violated.
/// </summary>
/// <param name="Agree">No wake-up or set-up step where model and implementation disagree.</param>
/// <param name="Failed">Every expectation that does not hold, by step.</param>
/// <param name="Violated">Every invariant violated on the run.</param>
public sealed record ScenarioVerdict(bool Agree, IReadOnlyList<(int Step, ExpectationResult X)> Failed, IReadOnlyList<InvariantVerdict> Violated)
{
    /// <summary>Whether the file passes: exit 0 of `check`.</summary>
    public bool Passed => Agree && Failed.Count == 0 && Violated.Count == 0;

    /// <summary>The verdict on <paramref name="run"/>.</summary>
    public static ScenarioVerdict Of(ScenarioRun run) => new(
        run.Reports.All(r => r.ModelAgrees != false) && run.Setup.All(x => x.Divergence is null),
        [.. run.Reports.SelectMany(r => r.Expectations.Where(x => !x.Holds).Select(x => (r.Step, x)))],
        [.. run.Invariants.Where(v => v.Violation is not null)]);
}
