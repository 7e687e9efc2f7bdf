namespace MultiWallet.Audit.Evidence;

/// <summary>One INV-* requirement: passes when it is cited and every citing check passes.</summary>
/// <param name="Id">The INV-* id.</param>
/// <param name="Title">Its SPEC.md title.</param>
/// <param name="Passed">Whether it holds.</param>
/// <param name="CheckIds">The checks citing it.</param>
public sealed record InvariantRecord(string Id, string Title, bool Passed, string[] CheckIds);
