using MultiWallet.Model.Vocabulary;
using Stateless;

namespace MultiWallet.Model.Machines;

/// <summary>
/// The shared shape of "first capable in registration order" routing (E3–E8, E11): in a routing state,
/// each Probe looks at one candidate. A candidate the knowledge does not list is passed over silently;
/// a listed one that does not answer is passed over with Queried(wallet, unreachable) — safe, nothing was
/// sent yet; no candidate left means no capable wallet. The dispatch transition is added by the caller.
/// </summary>
public static class RouteProbe
{
    public static void ConfigureSkips<TState, TTrigger>(
        StateMachine<TState, TTrigger> machine, TState routing, TTrigger probe, TState noCapable,
        Func<RouteCursor> cursor, RunContext run)
        where TState : struct, Enum where TTrigger : struct, Enum
    {
        var config = machine.Configure(routing)
            .PermitIf(probe, noCapable, () => cursor().Exhausted, "no candidate left")
            .PermitReentryIf(probe, () => cursor().NotListed, "knowledge does not list the brand: next");
        if (run.Perturbed(Perturbation.NoSkipOnUnreachable))
            config.PermitIf(probe, noCapable, () => cursor().ListedButSilent, "lists the brand but silent: give up");
        else
            config.PermitReentryIf(probe, () => cursor().ListedButSilent, "lists the brand but silent: skip");

        machine.OnTransitioned(t =>
        {
            if (!EqualityComparer<TState>.Default.Equals(t.Source, routing) || !EqualityComparer<TState>.Default.Equals(t.Destination, routing)) return;
            var c = cursor();
            if (c.ListedButSilent) run.Emit(new AbstractEvent.Queried(c.Current.Wallet, null));
            c.Advance();
        });
    }
}
