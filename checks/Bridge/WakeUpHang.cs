using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Bridge;

/// <summary>
/// A wake-up the implementation never finished, found by the virtual-time driver (no runnable work left, or a timer
/// budget spent), never by elapsed time. The model always predicts an outcome, so a hang is a divergence.
/// </summary>
/// <param name="StepIndex">The step that hung.</param>
/// <param name="Step">The step itself.</param>
/// <param name="Predicted">What the model predicted for it.</param>
/// <param name="At">The virtual instant the driver gave up at.</param>
/// <param name="Reason">Why no progress was possible.</param>
/// <param name="BlockedAfter">The last trace event before the hang (what the wake-up was waiting on).</param>
public sealed record WakeUpHang(int StepIndex, Step Step, Outcome Predicted, DateTime At, string Reason, string BlockedAfter)
{
    /// <summary>One line for a report: which step, why, and where it was blocked.</summary>
    public string Divergence =>
        $"step #{StepIndex} {Step}: the implementation hung ({Reason}) at virtual {At:HH:mm:ss.fff}, blocked after: {BlockedAfter}; model predicts {Predicted}";
}
