using MultiWallet.Model.Machines;

namespace MultiWallet.Checks.Catalog;

/// <summary>How often one declared transition fired.</summary>
/// <param name="Transition">The declared transition.</param>
/// <param name="Count">How often it fired (0: never).</param>
public sealed record TransitionCount(TransitionKey Transition, int Count);
