using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;

namespace MultiWallet.Impl.Routing;

/// <summary>
/// Carries out a <see cref="RoutingPlan"/>: tries the candidates in order. A candidate that does not answer
/// the session start is skipped when the plan allows it (routing knowledge), never otherwise (the user's
/// own pick). Any other outcome — paid, or refused by the wallet (e.g. BrandNotHeld from lying brand
/// information) — is final: no fallback masks a lie (docs/DECISIONS.md). Shared by the selectors, the
/// multi-server WUM and the master wallet's slave routing so the rule lives in one place.
/// </summary>
public static class CandidateDispatch
{
    /// <summary>Runs the plan with whole outcomes: a WalletUnreachable refusal means the wallet did not answer.</summary>
    public static Task<PaymentOutcome> RunAsync(RoutingPlan plan, TraceLog trace, string actor, Func<string, Task<PaymentOutcome>> attempt) =>
        RunAsync(plan, trace, actor, attempt, o => o is Refused { Reason: RefusalReason.WalletUnreachable }, r => r);

    /// <summary>
    /// The general form: <paramref name="attempt"/> returns whatever the caller needs (a whole outcome, or the
    /// first reply of a proxied session); <paramref name="unreachable"/> says whether that result means "did
    /// not answer the session start"; <paramref name="refuse"/> turns a refusal into a result.
    /// </summary>
    public static async Task<T> RunAsync<T>(RoutingPlan plan, TraceLog trace, string actor, Func<string, Task<T>> attempt, Func<T, bool> unreachable, Func<Refused, T> refuse)
    {
        if (plan.Refusal is { } refused)
        {
            trace.Decide(actor, TraceDecisions.Refused, new Dictionary<string, string> { ["reason"] = refused.Reason.ToString() }, refused.Cause);
            return refuse(refused);
        }
        foreach (var wallet in plan.Candidates)
        {
            RoutingTrace.Routed(trace, actor, wallet, plan.Reason);
            var result = await attempt(wallet).ConfigureAwait(false);
            if (unreachable(result) && !plan.Exclusive)
            {
                RoutingTrace.Skipped(trace, actor, wallet, "did not answer within the bounded wait; trying the next capable wallet");
                continue;
            }
            return result;
        }
        var none = Refused.Because(RefusalReason.NoCapableWallet, null, $"every capable wallet ({string.Join(", ", plan.Candidates)}) was unreachable");
        trace.Decide(actor, TraceDecisions.Refused, new Dictionary<string, string> { ["reason"] = none.Reason.ToString() }, none.Cause);
        return refuse(none);
    }
}
