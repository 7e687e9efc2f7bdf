using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Verdicts;

/// <summary>
/// Which catalog checks back a requirement: the one rule every artifact (evidence.json, the CycloneDX attestation,
/// junit.xml, the report) reads. An embodiment is backed by the checks citing it or exercising it; an invariant by the
/// checks citing it; a claim by the checks citing it and by every check backing one of its embodiments
/// (<see cref="Requirements.ClaimEmbodiments"/>), since SPEC.md section 2 makes a claim hold through those embodiments.
/// </summary>
public static class Attribution
{
    /// <summary>"embodiment", "claim" or "invariant".</summary>
    public static string KindOf(string requirement) =>
        Requirements.Embodiments.ContainsKey(requirement) ? "embodiment"
        : Requirements.Claims.ContainsKey(requirement) ? "claim"
        : Requirements.Invariants.ContainsKey(requirement) ? "invariant"
        : throw new ArgumentException($"unknown requirement id {requirement}", nameof(requirement));

    /// <summary>Whether <paramref name="check"/> backs <paramref name="requirement"/> directly (without going through a claim's embodiments).</summary>
    public static bool BacksDirectly(CheckAttribute check, string requirement) =>
        check.Requirements.Contains(requirement)
        || (Requirements.Embodiments.ContainsKey(requirement) && check.Exercised.Any(e => e.ToString() == requirement));

    /// <summary>The ids of the checks of <paramref name="catalog"/> that back <paramref name="requirement"/>, in the order E1, E2, …, E12 (<see cref="NaturalOrder"/>).</summary>
    public static IReadOnlyList<string> Backing(string requirement, IEnumerable<CheckAttribute> catalog)
    {
        var via = Requirements.ClaimEmbodiments.TryGetValue(requirement, out var es) ? es : [];
        return catalog
            .Where(c => BacksDirectly(c, requirement) || via.Any(e => BacksDirectly(c, e)))
            .Select(c => c.Id)
            .Distinct()
            .Order(NaturalOrder.Instance)
            .ToList();
    }
}
