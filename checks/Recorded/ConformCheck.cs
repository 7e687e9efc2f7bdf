using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Recorded;

/// <summary>
/// INV-CONFORM on a recorded trace: the recorded events abstracted as the conformance runner abstracts them, and the
/// outcome, equal the model's prediction for the case's topology, user script and steps — on what the recorder observed
/// (without decisions, messages only; without messages, decisions only; without outcomes, no outcome). The witness is the
/// wake-up's setup line and the line that produced the first differing event (or the outcome line).
/// </summary>
public sealed class ConformCheck : IRecordedCheck
{
    /// <inheritdoc/>
    public string Requirement => "INV-CONFORM";

    /// <inheritdoc/>
    public IEnumerable<TraceFinding> Check(RecordedWakeUp w)
    {
        if (w.Prediction is not { } predicted)
        {
            w.Notes.Add($"the model could not predict wake-up #{w.Setup.Index}: {w.PredictionError}");
            yield break;
        }
        var messages = w.Observed.HasFlag(Observed.Messages);
        var decisions = w.SeesDecisions && w.DecisionsComplete;
        bool Shown(AbstractEvent e) => e switch
        {
            AbstractEvent.WakeUp => true,
            AbstractEvent.Msg => messages,
            AbstractEvent.Ended => false,
            _ => decisions,
        };
        var impl = w.Abstracted.Select((e, at) => (Event: e, At: at)).Where(x => Shown(x.Event)).ToList();
        var model = predicted.Events.Where(Shown).ToList();
        var i = 0;
        while (i < impl.Count && i < model.Count && impl[i].Event.Equals(model[i])) i++;
        if (i < impl.Count || i < model.Count)
        {
            var expected = i < model.Count ? model[i].ToString() : "(no more events)";
            var found = i < impl.Count ? impl[i].Event.ToString() : "(no more events)";
            var at = i < impl.Count ? w.WitnessAt(w.LineOf(impl[i].At)) : w.EndWitness;
            yield return new(Requirement, $"event {i}: the model predicts {expected}, the trace shows {found}", at.Line == w.Setup.Line ? [w.SetupWitness] : [w.SetupWitness, at]);
            yield break;
        }
        if (!w.Observed.HasFlag(Observed.Outcomes)) yield break;
        if (w.Outcome is not { } o) yield return new(Requirement, $"no outcome recorded; the model predicts {predicted.Outcome}", [w.SetupWitness, w.EndWitness]);
        else if (o.Outcome != predicted.Outcome) yield return new(Requirement, $"outcome {o.Outcome}, the model predicts {predicted.Outcome}", [w.SetupWitness, w.EndWitness]);
    }
}
