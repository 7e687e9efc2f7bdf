using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Routing;
using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Server.Master;

/// <summary>
/// How the master wallet finds the slave for a brand it lacks — the part in which E7–E12 differ
/// (MSW brand information, MSW SSW information + user pick, typed address, client-supplied information).
/// Returns the same <see cref="RoutingPlan"/> the client-side selectors use, so one dispatch rule applies.
/// </summary>
public interface ISlaveRouting
{
    /// <summary>Embodiment this strategy realises, e.g. "E9" (for the trace).</summary>
    string Embodiment { get; }

    /// <summary>The candidate slaves for the wake-up, in order, or a refusal; <paramref name="clientInfo"/> is what an E11/E12 WUM sent.</summary>
    Task<RoutingPlan> PlanAsync(WakeUp wakeUp, ClientInfo? clientInfo, CancellationToken ct);
}
