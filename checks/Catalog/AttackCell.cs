namespace MultiWallet.Checks.Catalog;

/// <summary>One embodiment × attacker position of the attacker campaign: what was tried there and which invariants held.</summary>
/// <param name="Embodiment">The embodiment (E1–E12).</param>
/// <param name="Position">The attacker position (docs/THREATS.md id: N-PC, LOCAL, MSW, ...).</param>
/// <param name="Cases">Attacked scenarios run at that cell (zero when the sample put none there).</param>
/// <param name="Tried">Attack events that fired there, by kind.</param>
/// <param name="Held">Property checks that some attacked run of the cell exercised (an event fired and the property reached one of its classes) and no run violated.</param>
/// <param name="Violated">Property checks violated by some run of the cell.</param>
/// <param name="Unexercised">Property checks that apply to the embodiment but that no attacked run of the cell exercised: nothing is claimed for them there.</param>
public sealed record AttackCell(string Embodiment, string Position, int Cases, IReadOnlyDictionary<string, int> Tried, IReadOnlyList<string> Held, IReadOnlyList<string> Violated, IReadOnlyList<string> Unexercised);
