using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Model.Prediction;

/// <summary>What the model predicts for one WakeUp or Replay step.</summary>
public sealed record StepPrediction(int StepIndex, Step Step, Outcome Outcome, IReadOnlyList<AbstractEvent> Events)
{
    /// <summary>One event per line, the form conformance compares.</summary>
    public string Trace => string.Join("\n", Events);
    public override string ToString() => $"#{StepIndex} {Step} => {Outcome}";
}
