namespace MultiWallet.Audit.Evidence;

/// <summary>One embodiment as the verdict model judges it (<see cref="Verdicts.VerdictModel"/>).</summary>
/// <param name="Id">E1..E12.</param>
/// <param name="Title">Its SPEC.md title.</param>
/// <param name="Claims">The claims it supports.</param>
/// <param name="Passed">Whether its verdict is "conforms" (<see cref="Verdicts.VerdictModel"/>).</param>
/// <param name="CheckIds">The checks backing it (<see cref="Verdicts.Attribution"/>) that this run ran; the verdict lists the rest.</param>
public sealed record EmbodimentRecord(string Id, string Title, string[] Claims, bool Passed, string[] CheckIds)
{
    /// <summary>The verdict: "conforms", "not assessed" or "fails".</summary>
    public required string Status { get; init; }
}
