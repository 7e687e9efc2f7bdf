using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Generators;

/// <summary>
/// A generated case as drawn from the campaign's stream, before its merchants (<see cref="MerchantPlan"/>, drawn from a
/// stream of their own) are placed: a one-merchant world, its user script and its wake-ups' draws.
/// </summary>
public sealed record ScenarioDraft(Topology Topology, UserScript Script, IReadOnlyList<WakeDraw> Wakes);
