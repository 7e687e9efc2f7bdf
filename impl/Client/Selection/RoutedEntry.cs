using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Routing;
using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Client.Selection;

/// <summary>
/// What every routing entry point on the PC does with a wake-up (selector E1–E5, multi-server WUM E6):
/// admit it, ask the routing strategy for a plan, carry the plan out, record the outcome. The entry points
/// differ only in how they reach the chosen wallet (the attempt function).
/// </summary>
internal static class RoutedEntry
{
    public static async Task<PaymentOutcome> PayAsync(byte[] wakeUpBytes, IWakeUpGate gate, ISelectorRouting routing, TraceLog trace, string name,
        Func<WakeUp, string, Task<PaymentOutcome>> attempt, CancellationToken ct)
    {
        var (w, refusal) = gate.Admit(wakeUpBytes);
        if (refusal is not null) return refusal;
        var plan = await routing.PlanAsync(w!, ct).ConfigureAwait(false);
        var outcome = await CandidateDispatch.RunAsync(plan, trace, name, wallet => attempt(w!, wallet)).ConfigureAwait(false);
        trace.Decide(name, TraceDecisions.Outcome, new Dictionary<string, string> { ["lid-m"] = w!.LidM }, outcome.ToString());
        return outcome;
    }
}
