using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Routing;
using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Client.Selection;

/// <summary>
/// E1 (Fig. 1, claim C2, ¶0026–0031): before any payment the selector asks the user which WUM to use and
/// remembers it; every wake-up goes to that WUM. The selector knows nothing about brands, so a wrong
/// registration surfaces as the wallet's BrandNotHeld refusal, never as a payment with another brand.
/// </summary>
public sealed class PreselectedRouting(IReadOnlyList<string> wallets, TraceLog trace, string actor = "selector") : ISelectorRouting
{
    private string? registered;
    private bool asked;

    /// <inheritdoc/>
    public string Embodiment => "E1";

    /// <summary>Set-up step, before any wake-up: offer every WUM, remember the answer.</summary>
    public void Register(IUser user)
    {
        RoutingTrace.Offered(trace, actor, wallets, "E1 set-up: choose the WUM to pay with, before any payment");
        registered = user.Choose("Which wallet should pay from now on?", wallets);
        asked = true;
        RoutingTrace.Chose(trace, actor, registered);
    }

    /// <inheritdoc/>
    public Task<RoutingPlan> PlanAsync(WakeUp wakeUp, CancellationToken ct) => Task.FromResult(
        !asked || registered is null ? RoutingPlan.Refuse(Refused.Because(RefusalReason.NoChoice, null, "E1: no WUM was registered before the wake-up"))
        : !wallets.Contains(registered) ? RoutingPlan.Refuse(Refused.Because(RefusalReason.InvalidChoice, null, $"E1: registered {registered} is not one of the WUMs offered"))
        : RoutingPlan.Only(registered, "E1: the WUM the user registered before payment"));
}
