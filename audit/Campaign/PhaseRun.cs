namespace MultiWallet.Audit.Campaign;

/// <summary>One phase of a run: the shared campaign ("campaign", no checks of its own) or a check kind.</summary>
/// <param name="Name">The phase's name as the evidence lists it (lower case).</param>
/// <param name="Checks">The checks run in the phase.</param>
/// <param name="DurationSeconds">Wall time of the phase.</param>
/// <param name="CpuSeconds">Process CPU time spent during the phase (all threads): with the wall time, how well it used the cores.</param>
public sealed record PhaseRun(string Name, IReadOnlyList<CheckRun> Checks, double DurationSeconds, double CpuSeconds)
{
    /// <summary>The name of the phase that executes the shared campaign.</summary>
    public const string CampaignName = "campaign";

    /// <summary>Checks that passed.</summary>
    public int Passed => Checks.Count(c => c.Outcome.Passed);
    /// <summary>Checks that failed.</summary>
    public int Failed => Checks.Count - Passed;
}
