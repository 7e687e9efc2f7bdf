namespace MultiWallet.Audit.Scenarios;

/// <summary>What `check` reports for the set-up (step -1: E1's registration offer and choice) and each world-changing step.</summary>
/// <param name="Step">The step's index, or -1 for the set-up before the first step.</param>
/// <param name="Input">The step (model vocabulary), or "set-up".</param>
/// <param name="Trace">The implementation's trace lines it produced (empty when it produced none); for a heal, each order it resolved.</param>
/// <param name="Divergence">For a heal: where the implementation's resolution differs from the model's, or null.</param>
public sealed record SetupEvent(int Step, string Input, IReadOnlyList<string> Trace, string? Divergence = null);
