namespace MultiWallet.Checks.Attacks;

/// <summary>One attacked run as the attack properties judged it: what <see cref="AttackTally"/> folds in.</summary>
/// <param name="Case">The attacked scenario (kept only if it is a property's first violation).</param>
/// <param name="Inconclusive">Whether a wall-clock limit cut the run short (judged by no property).</param>
/// <param name="Tried">Attack events that fired, by kind.</param>
/// <param name="Verdicts">Every applicable property's verdict, in <see cref="AttackChecks.All"/> order (none for an inconclusive run).</param>
public sealed record AttackJudgement(AttackedScenario Case, bool Inconclusive, IReadOnlyDictionary<string, int> Tried, IReadOnlyList<AttackVerdict> Verdicts);
