namespace MultiWallet.Model.Machines;

/// <summary>
/// The model fired more triggers in one wake-up than <see cref="RunContext.StepBudget"/>: it does not terminate.
/// A deterministic count, so a slow machine can never make a prediction look stuck, nor a stuck one look slow.
/// </summary>
public sealed class ModelDidNotTerminate(int steps, string lastMachine)
    : Exception($"the model did not terminate: {steps} triggers fired in one wake-up (last on {lastMachine})")
{
    /// <summary>Triggers fired in the wake-up when it was stopped.</summary>
    public int Steps { get; } = steps;

    /// <summary>The machine that fired the last trigger.</summary>
    public string LastMachine { get; } = lastMachine;
}
