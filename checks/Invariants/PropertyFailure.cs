using MultiWallet.Checks.Generators;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>
/// The first case, by case index, on which a property was violated in one embodiment's campaign.
/// </summary>
/// <param name="Embodiment">The embodiment the case belongs to.</param>
/// <param name="Index">The case's index in the embodiment's generated sequence (0-based).</param>
/// <param name="Violation">What the invariant reported.</param>
/// <param name="Scenario">The scenario itself (kept so the check can shrink it without regenerating).</param>
public sealed record PropertyFailure(Embodiment Embodiment, int Index, string Violation, GeneratedScenario Scenario)
{
    /// <summary>The earlier of two failures of the same embodiment (by case index), so merging is order-independent.</summary>
    public static PropertyFailure? First(PropertyFailure? a, PropertyFailure? b) =>
        a is null ? b : b is null ? a : b.Index < a.Index ? b : a;
}
