using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Model.Prediction;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Bridge;

/// <summary>One WakeUp/Replay step: the implementation's side, the model's side, and whether they agree.</summary>
public sealed record WakeUpConformance(
    int StepIndex, Step Step, Step.WakeUp Wake,
    PaymentOutcome Raw, Outcome ImplOutcome,
    IReadOnlyList<string> ImplTrace, IReadOnlyList<AbstractEvent> Abstracted,
    StepPrediction Predicted, WakeUpFacts Facts, IReadOnlyList<TraceEvent> Events)
{
    public bool Agrees => Divergence is null;

    /// <summary>The world's time when the wake-up was presented (virtual in memory).</summary>
    public DateTime Started { get; init; }

    /// <summary>The world's time when its outcome was reported.</summary>
    public DateTime Ended { get; init; }

    /// <summary>Null when outcome and abstract trace equal the prediction; else the first diverging line, both sides.</summary>
    public string? Divergence
    {
        get
        {
            var impl = Abstracted.Select(e => e.ToString()).ToList();
            var model = Predicted.Events.Select(e => e.ToString()).ToList();
            if (ImplOutcome == Predicted.Outcome && impl.SequenceEqual(model)) return null;
            var i = 0;
            while (i < impl.Count && i < model.Count && impl[i] == model[i]) i++;
            return $"step #{StepIndex} {Step}: first difference at event {i}\n  model: {(i < model.Count ? model[i] : "(end)")}\n  impl:  {(i < impl.Count ? impl[i] : "(end)")}\n" +
                   $"  model trace: {string.Join(" | ", model)}\n  impl trace:  {string.Join(" | ", impl)}\n  impl outcome {Raw}";
        }
    }
}
