namespace MultiWallet.Checks.Sut;

/// <summary>One embodiment's cases against the SUT and its shrunk counterexample, if any.</summary>
public sealed record SutEmbodimentResult(string Embodiment, string Replay, IReadOnlyList<SutCaseResult> Cases, SutCounterexample? Counterexample, double Seconds)
{
    /// <summary>Cases with this status.</summary>
    public int Count(SutCaseStatus status) => Cases.Count(c => c.Status == status);
}
