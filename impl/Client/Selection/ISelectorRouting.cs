using MultiWallet.Impl.Routing;
using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Client.Selection;

/// <summary>
/// How a selector (E1–E5) or the multi-server WUM (E6) decides which wallet gets a wake-up. One class
/// per embodiment; a seeded fault is just another implementation (checks/Faults), never a switch here.
/// Strategies record what they asked and were told as trace decisions (Offered, Chose, Queried).
/// </summary>
public interface ISelectorRouting
{
    /// <summary>Embodiment this strategy realises, e.g. "E3" (for the trace).</summary>
    string Embodiment { get; }

    /// <summary>The candidate wallets for the wake-up, in order, or a refusal.</summary>
    Task<RoutingPlan> PlanAsync(WakeUp wakeUp, CancellationToken ct);
}
