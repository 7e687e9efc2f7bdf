using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Campaign;

/// <summary>One check as run by the campaign.</summary>
public sealed record CheckRun(CheckEntry Entry, CheckOutcome Outcome, double DurationSeconds)
{
    /// <summary>What the check wrote to checks.log (its header, its lines and its result), so a merge of shards can lay the log out as one run does.</summary>
    public string Log { get; init; } = "";
}
