namespace MultiWallet.Audit.Evidence;

/// <summary>One embodiment × attacker position of the attacker campaign, as evidence.json and the report show it.</summary>
/// <param name="Embodiment">The embodiment (E1–E12).</param>
/// <param name="Position">The attacker position (docs/THREATS.md id).</param>
/// <param name="Cases">Attacked scenarios run there.</param>
/// <param name="Steps">Attack steps that fired there, in all.</param>
/// <param name="Tried">Attack steps that fired there, by kind (a substitution by field: <c>Substitute:brand</c>).</param>
/// <param name="Held">Properties some attacked run exercised there and no run violated.</param>
/// <param name="Violated">Properties some run there violated.</param>
/// <param name="Unexercised">Properties that apply but that no attacked run there exercised: nothing is claimed for them.</param>
/// <param name="Status"><c>violated</c>, <c>held</c>, or <c>not-reached</c> (no step fired, or no property was exercised).</param>
public sealed record AttackCellRecord(
    string Embodiment, string Position, int Cases, int Steps, IReadOnlyDictionary<string, int> Tried,
    IReadOnlyList<string> Held, IReadOnlyList<string> Violated, IReadOnlyList<string> Unexercised, string Status);
