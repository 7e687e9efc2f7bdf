namespace MultiWallet.Audit.Evidence;

/// <summary>One claim: passes when its embodiments and the checks citing it pass.</summary>
/// <param name="Id">C1..C13.</param>
/// <param name="Title">Its SPEC.md title.</param>
/// <param name="Embodiments">The embodiments supporting it.</param>
/// <param name="Passed">Whether it holds.</param>
/// <param name="CheckIds">The checks citing it.</param>
public sealed record ClaimRecord(string Id, string Title, string[] Embodiments, bool Passed, string[] CheckIds);
