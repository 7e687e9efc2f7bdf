namespace MultiWallet.Checks.Sut;

/// <summary>The whole campaign against one SUT: who it is (URL, reported name and version, roles replaced) and what each embodiment showed.</summary>
public sealed record SutCampaignResult(SutTarget Target, SutInfo Info, int Seed, int PerEmbodiment, IReadOnlyList<SutEmbodimentResult> Embodiments, double Seconds)
{
    /// <summary>Cases with this status, over every embodiment.</summary>
    public int Count(SutCaseStatus status) => Embodiments.Sum(e => e.Count(status));

    /// <summary>Attacked cases with this status, over every embodiment.</summary>
    public int AttackCount(SutCaseStatus status) => Embodiments.Sum(e => e.AttackCount(status));

    /// <summary>Whether the SUT failed: an invariant or attack property violated, or a protocol-level failure.</summary>
    public bool Failed => Count(SutCaseStatus.Violated) + Count(SutCaseStatus.ProtocolFailure) + AttackCount(SutCaseStatus.Violated) + AttackCount(SutCaseStatus.ProtocolFailure) > 0;

    /// <summary>Whether nothing failed but some case, honest or attacked, was inconclusive.</summary>
    public bool Inconclusive => !Failed && Count(SutCaseStatus.Inconclusive) + AttackCount(SutCaseStatus.Inconclusive) > 0;
}
