namespace MultiWallet.Checks.Catalog;

/// <summary>A requirement id of SPEC.md that no catalog check cites.</summary>
/// <param name="Id">The requirement id (E*, C* or INV-*).</param>
/// <param name="Title">Its title in SPEC.md.</param>
public sealed record UncoveredRequirement(string Id, string Title) : IEvidence;
