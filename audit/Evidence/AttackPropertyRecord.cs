namespace MultiWallet.Audit.Evidence;

/// <summary>One attack property over the whole campaign: in how many cells it held, was violated, or was not exercised.</summary>
/// <param name="CheckId">The property's check id.</param>
/// <param name="HeldIn">Cells where it was exercised and held.</param>
/// <param name="ViolatedIn">Cells where some run violated it.</param>
/// <param name="UnexercisedIn">Cells where it applies but no attacked run exercised it.</param>
/// <param name="Held">Whether it held: exercised in some cell and violated in none.</param>
public sealed record AttackPropertyRecord(string CheckId, int HeldIn, int ViolatedIn, int UnexercisedIn, bool Held);
