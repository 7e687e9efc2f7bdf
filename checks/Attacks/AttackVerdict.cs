namespace MultiWallet.Checks.Attacks;

/// <summary>One property's verdict on one run.</summary>
/// <param name="CheckId">The property check.</param>
/// <param name="Violation">The violation (or the run's crash), or null when it held.</param>
/// <param name="Reached">Whether the run reached one of the property's classes.</param>
/// <param name="Classes">The classes the run counts in for the property: the property's own, then the run's cell classes.</param>
public sealed record AttackVerdict(string CheckId, string? Violation, bool Reached, IReadOnlyList<string> Classes);
