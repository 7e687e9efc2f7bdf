namespace MultiWallet.Checks.Faults;

/// <summary>How (and whether) the invariant suite caught one seeded fault.</summary>
public sealed record Detection(SeededFault Fault, bool Detected, string? DetectedBy, int CasesToDetect, string? Violation, string? Counterexample, int CounterexampleSize, int CasesRun);
