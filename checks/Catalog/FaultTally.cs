namespace MultiWallet.Checks.Catalog;

/// <summary>One line of the all-faults summary: which seeded fault was caught, by what, after how many cases.</summary>
/// <param name="FaultId">The seeded fault's check id.</param>
/// <param name="DetectedBy">The invariant check(s) that caught it, or null when it was missed.</param>
/// <param name="CasesToDetect">Generated cases run until the first detection.</param>
public sealed record FaultTally(string FaultId, string? DetectedBy, int CasesToDetect) : IEvidence;
