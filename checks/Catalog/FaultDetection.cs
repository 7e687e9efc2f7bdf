namespace MultiWallet.Checks.Catalog;

/// <summary>
/// What the suite did with one seeded fault: the row of the report's fault table. A check publishing it is
/// the check of that fault; its id is the fault's.
/// </summary>
/// <param name="Description">What the fault does.</param>
/// <param name="DetectedBy">The invariant check(s) that caught it, or null when none did.</param>
/// <param name="CasesToDetect">Generated cases run until the first detection (0 when missed).</param>
/// <param name="Counterexample">The shrunk scenario that shows it, or null when missed.</param>
public sealed record FaultDetection(string Description, string? DetectedBy, int CasesToDetect, string? Counterexample) : IEvidence;
