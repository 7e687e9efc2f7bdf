namespace MultiWallet.Checks.Catalog;

/// <summary>
/// How the exhaustive enumeration fares against one seeded fault: the index of the first case of the bound (in
/// enumeration order, 1-based) that catches it, beside the random campaign's cases-to-detect; or why it is outside the bound.
/// </summary>
/// <param name="FaultId">The seeded fault's check id.</param>
/// <param name="Embodiment">The embodiment it lives in.</param>
/// <param name="FirstCase">1-based index of the first enumerated case that catches it, or null when none does.</param>
/// <param name="CasesRun">Enumerated cases run against the faulty world.</param>
/// <param name="DetectedBy">The invariants that caught it on that case, or null.</param>
/// <param name="RandomCasesToDetect">Generated cases the random campaign (or, for an attack fault, the attacker campaign) needed at the same seed.</param>
/// <param name="OutOfBound">Why no case of the bound can catch it (an attacker, a bounds property), or null when the bound should.</param>
public sealed record ExhaustiveFaultFinding(string FaultId, string Embodiment, long? FirstCase, long CasesRun, string? DetectedBy, int RandomCasesToDetect, string? OutOfBound) : IEvidence;
