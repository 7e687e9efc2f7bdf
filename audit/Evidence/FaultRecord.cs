namespace MultiWallet.Audit.Evidence;

/// <summary>One seeded fault and whether the suite caught it (a row of the report's fault table).</summary>
/// <param name="Id">The fault's check id.</param>
/// <param name="Description">What the fault does.</param>
/// <param name="Detected">Whether some invariant caught it.</param>
/// <param name="DetectedBy">The catching check(s); empty when missed.</param>
/// <param name="CasesToDetect">Generated cases until the first detection.</param>
/// <param name="Counterexample">The shrunk scenario; empty when missed.</param>
public sealed record FaultRecord(string Id, string Description, bool Detected, string? DetectedBy, int? CasesToDetect, string? Counterexample);
