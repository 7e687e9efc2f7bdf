using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Campaign;

/// <summary>One check as run by the campaign.</summary>
public sealed record CheckRun(CheckEntry Entry, CheckOutcome Outcome, double DurationSeconds);
