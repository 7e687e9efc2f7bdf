namespace MultiWallet.Checks.Catalog;

/// <summary>
/// What the attacker campaign tried, per embodiment × position (<see cref="AttackCell"/>), and its cost against the
/// honest campaign measured in the same run.
/// </summary>
/// <param name="Cells">One cell per embodiment × position the embodiment has (docs/THREATS.md), in embodiment then position order; a cell the sample put no scenario in has zero cases.</param>
/// <param name="AttackCases">Attacked scenarios run in all.</param>
/// <param name="AttackSeconds">Wall time of the attacked scenarios (their executions, baselines included).</param>
/// <param name="HonestCases">Honest generated scenarios of the same run.</param>
/// <param name="HonestSeconds">Wall time of the honest campaign's executions in the same run.</param>
public sealed record AttackEvidence(IReadOnlyList<AttackCell> Cells, int AttackCases, double AttackSeconds, int HonestCases, double HonestSeconds) : IEvidence;
