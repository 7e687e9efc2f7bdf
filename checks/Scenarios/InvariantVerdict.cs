namespace MultiWallet.Audit.Scenarios;

/// <summary>One invariant of the generated suite (SPEC.md §3) judged on the file's run, as `verify` judges a generated case.</summary>
/// <param name="Id">The invariant, e.g. INV-OFFER (its catalog property is PROP-&lt;Id&gt;).</param>
/// <param name="Violation">Why it is violated, or null when it holds.</param>
public sealed record InvariantVerdict(string Id, string? Violation);
