namespace MultiWallet.Checks.Catalog;

/// <summary>What one invariant judged over an exhaustive scope (the vacuity view: which of its classes the bound reaches).</summary>
/// <param name="Id">The invariant's requirement id, e.g. INV-ONCE.</param>
/// <param name="Judged">Cases it judged.</param>
/// <param name="Classes">How many cases reached each class it names.</param>
/// <param name="Unreached">Classes its random campaign must reach that no case of the bound reached (the bound leaves them out).</param>
/// <param name="FirstViolation">The first violating case's index in the enumeration and its violation, or null when it held on every case.</param>
/// <param name="Counterexample">That case, readable, or null.</param>
public sealed record ExhaustiveInvariant(string Id, long Judged, IReadOnlyDictionary<string, int> Classes, IReadOnlyList<string> Unreached,
    string? FirstViolation, string? Counterexample);
