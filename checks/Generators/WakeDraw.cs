using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Generators;

/// <summary>
/// What the generator draws for one wake-up before its merchant is placed (<see cref="ScenarioGen.Place"/>): the brand,
/// the defect, the amount, whether it replays the last order instead, a step before it, the faults armed before it and
/// whether a heal follows at once.
/// </summary>
public sealed record WakeDraw(Brand Brand, WakeUpDefect Defect, int Amount, bool Replay, Step? Before, IReadOnlyList<Step> Faults, bool HealNow);
