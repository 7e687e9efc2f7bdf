namespace MultiWallet.Checks.Sut;

/// <summary>One embodiment's cases against the SUT and its shrunk counterexample, if any.</summary>
public sealed record SutEmbodimentResult(string Embodiment, string Replay, IReadOnlyList<SutCaseResult> Cases, SutCounterexample? Counterexample, double Seconds)
{
    /// <summary>The attacked cases played against the SUT (<see cref="SutAttackCampaign"/>), runnable ones and those not run.</summary>
    public IReadOnlyList<SutAttackResult> Attacks { get; init; } = [];

    /// <summary>Wall-clock seconds of the attacked cases and their shrinking (<c>Seconds</c> is the honest cases' and theirs).</summary>
    public double AttackSeconds { get; init; }

    /// <summary>The first attack-property violation, shrunk against the SUT, if any.</summary>
    public SutCounterexample? AttackCounterexample { get; init; }

    /// <summary>Attacked cases with this status.</summary>
    public int AttackCount(SutCaseStatus status) => Attacks.Count(c => c.Status == status);

    /// <summary>Cases with this status.</summary>
    public int Count(SutCaseStatus status) => Cases.Count(c => c.Status == status);

    /// <summary>Each part of an invariant some case could not assess, with how many cases: the evidence names it rather than counting it held.</summary>
    public IReadOnlyDictionary<string, int> NotAssessed =>
        Cases.SelectMany(c => c.NotAssessed).GroupBy(x => x, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
