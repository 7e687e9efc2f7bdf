using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Campaign;

/// <summary>One phase (a check Kind) as run by the campaign.</summary>
public sealed record PhaseRun(CheckKind Kind, IReadOnlyList<CheckRun> Checks, double DurationSeconds)
{
    /// <summary>Checks that passed.</summary>
    public int Passed => Checks.Count(c => c.Outcome.Passed);
    /// <summary>Checks that failed.</summary>
    public int Failed => Checks.Count - Passed;
}
