namespace MultiWallet.Audit.Evidence;

/// <summary>The attacker campaign's cost against the honest campaign, both measured in the same run.</summary>
/// <param name="AttackedCases">Attacked scenarios run.</param>
/// <param name="AttackedSeconds">Their wall time (baselines and isolated probe runs included).</param>
/// <param name="HonestCases">Honest generated scenarios run.</param>
/// <param name="HonestSeconds">Their wall time.</param>
/// <param name="Ratio">Attacked seconds over honest seconds (0 when no honest time was measured).</param>
/// <param name="PerCaseRatio">Seconds per attacked scenario over seconds per honest scenario (0 when either is missing).</param>
public sealed record AttackCostRecord(int AttackedCases, double AttackedSeconds, int HonestCases, double HonestSeconds, double Ratio, double PerCaseRatio);
