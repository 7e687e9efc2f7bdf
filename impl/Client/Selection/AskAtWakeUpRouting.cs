using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Routing;
using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Client.Selection;

/// <summary>
/// E2 (Fig. 3, claim C3, ¶0037–0041): on each wake-up the selector offers every WUM and the user picks one
/// just before paying. No answer → NoChoice; an answer that was not offered → InvalidChoice; a WUM whose
/// SW lacks the brand → that SW's BrandNotHeld.
/// </summary>
public sealed class AskAtWakeUpRouting(IReadOnlyList<string> wallets, IUser user, TraceLog trace, string actor = "selector") : ISelectorRouting
{
    /// <inheritdoc/>
    public string Embodiment => "E2";

    /// <inheritdoc/>
    public Task<RoutingPlan> PlanAsync(WakeUp wakeUp, CancellationToken ct)
    {
        RoutingTrace.Offered(trace, actor, wallets, $"E2: choose the WUM for {wakeUp.Brand} {wakeUp.Amount} {wakeUp.Currency}");
        var pick = user.Choose($"Which wallet should pay {wakeUp.Amount} {wakeUp.Currency} with {wakeUp.Brand}?", wallets);
        RoutingTrace.Chose(trace, actor, pick);
        return Task.FromResult(
            pick is null ? RoutingPlan.Refuse(Refused.Because(RefusalReason.NoChoice, null, "E2: the user chose no WUM"))
            : !wallets.Contains(pick) ? RoutingPlan.Refuse(Refused.Because(RefusalReason.InvalidChoice, null, $"E2: {pick} was not offered"))
            : RoutingPlan.Only(pick, "E2: the WUM the user chose at wake-up"));
    }
}
