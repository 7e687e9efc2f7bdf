namespace MultiWallet.Audit.Evidence;

/// <summary>One embodiment: passes when it has at least one check and all of them pass.</summary>
/// <param name="Id">E1..E12.</param>
/// <param name="Title">Its SPEC.md title.</param>
/// <param name="Claims">The claims it supports.</param>
/// <param name="Passed">Whether it is covered and every check of it passed.</param>
/// <param name="CheckIds">The checks counted for it.</param>
public sealed record EmbodimentRecord(string Id, string Title, string[] Claims, bool Passed, string[] CheckIds);
