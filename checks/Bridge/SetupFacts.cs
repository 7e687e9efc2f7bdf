using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Bridge;

/// <summary>
/// What happened outside the wake-ups: the world's set-up before the first step (E1's registration: the offer and
/// the user's choice) and each step that changes the world (installs, brand changes, down/up, armed faults and crashes).
/// </summary>
/// <param name="StepIndex">The step's index, or -1 for the set-up before the first step.</param>
/// <param name="Step">The step, or null for the set-up.</param>
/// <param name="Trace">The implementation's trace lines the step produced (rendered), in order; empty when it produced none.</param>
public sealed record SetupFacts(int StepIndex, Step? Step, IReadOnlyList<string> Trace);
