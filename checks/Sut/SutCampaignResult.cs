namespace MultiWallet.Checks.Sut;

/// <summary>The whole campaign against one SUT: who it is (URL, reported name and version, roles replaced) and what each embodiment showed.</summary>
public sealed record SutCampaignResult(SutTarget Target, SutInfo Info, int Seed, int PerEmbodiment, IReadOnlyList<SutEmbodimentResult> Embodiments, double Seconds)
{
    /// <summary>Cases with this status, over every embodiment.</summary>
    public int Count(SutCaseStatus status) => Embodiments.Sum(e => e.Count(status));

    /// <summary>Whether the SUT failed: an invariant violated or a protocol-level failure.</summary>
    public bool Failed => Count(SutCaseStatus.Violated) + Count(SutCaseStatus.ProtocolFailure) > 0;

    /// <summary>Whether nothing failed but some case was inconclusive.</summary>
    public bool Inconclusive => !Failed && Count(SutCaseStatus.Inconclusive) > 0;
}
