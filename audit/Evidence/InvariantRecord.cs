namespace MultiWallet.Audit.Evidence;

/// <summary>One INV-* requirement as the verdict model judges it (<see cref="Verdicts.VerdictModel"/>).</summary>
/// <param name="Id">The INV-* id.</param>
/// <param name="Title">Its SPEC.md title.</param>
/// <param name="Passed">Whether its verdict is "conforms" (<see cref="Verdicts.VerdictModel"/>).</param>
/// <param name="CheckIds">The checks backing it (<see cref="Verdicts.Attribution"/>) that this run ran; the verdict lists the rest.</param>
public sealed record InvariantRecord(string Id, string Title, bool Passed, string[] CheckIds)
{
    /// <summary>The verdict: "conforms", "not assessed" or "fails".</summary>
    public required string Status { get; init; }
}
