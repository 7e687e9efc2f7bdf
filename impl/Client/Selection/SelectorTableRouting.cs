using MultiWallet.Impl.Network;
using MultiWallet.Impl.Routing;
using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Client.Selection;

/// <summary>
/// E3 (Fig. 4, claim C4, ¶0047–0055): the selector holds each SW's brand information and routes to the
/// first WUM (registration order) whose SW is listed for the brand. Unlisted WUMs are never chosen. The
/// table is configuration: it can be stale or wrong, and then the SW's refusal surfaces (no fallback).
/// </summary>
public sealed class SelectorTableRouting(IReadOnlyList<(string Wallet, IReadOnlySet<string> Brands)> table, TraceLog trace, string actor = "selector") : ISelectorRouting, IReplaceableKnowledge
{
    private IReadOnlyList<(string Wallet, IReadOnlySet<string> Brands)> table = table;

    /// <inheritdoc/>
    public bool Replace(IReadOnlyList<(string Wallet, IReadOnlySet<string> Brands)> table, IReadOnlyList<string> ssws)
    {
        this.table = table;
        return true;
    }

    /// <inheritdoc/>
    public string Embodiment => "E3";

    /// <inheritdoc/>
    public Task<RoutingPlan> PlanAsync(WakeUp wakeUp, CancellationToken ct)
    {
        foreach (var (wallet, brands) in table) RoutingTrace.Queried(trace, actor, wallet, brands.Order(StringComparer.Ordinal).ToList(), "E3: selector's brand table");
        var capable = table.Where(t => t.Brands.Contains(wakeUp.Brand)).Select(t => t.Wallet).ToList();
        return Task.FromResult(RoutingPlan.FirstReachable(capable, capable.Count == 0
            ? $"E3: the selector's brand table lists no wallet for {wakeUp.Brand}"
            : $"E3: selector's brand table lists {wakeUp.Brand}; first capable in registration order"));
    }
}
