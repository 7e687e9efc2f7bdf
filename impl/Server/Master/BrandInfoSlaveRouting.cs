using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Routing;
using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Server.Master;

/// <summary>
/// E7 (¶0097–0104) and E8 (¶0114–0119): the MSW holds each slave's brand information and picks the first
/// slave (registration order) listed for the brand. E11 (¶0158–0163): the same, but the brand information
/// is the one the client WUM sent with the wake-up (<paramref name="mswInfo"/> null), so the MSW manages none.
/// </summary>
public sealed class BrandInfoSlaveRouting(string embodiment, IReadOnlyList<(string Ssw, IReadOnlySet<string> Brands)>? mswInfo, TraceLog trace, string actor = "MSW") : ISlaveRouting, IReplaceableKnowledge
{
    private IReadOnlyList<(string Ssw, IReadOnlySet<string> Brands)>? mswInfo = mswInfo;

    /// <inheritdoc/>
    public bool Replace(IReadOnlyList<(string Wallet, IReadOnlySet<string> Brands)> table, IReadOnlyList<string> ssws)
    {
        if (FromClient) return false;
        mswInfo = table;
        return true;
    }

    /// <inheritdoc/>
    public string Embodiment => embodiment;

    private bool FromClient => mswInfo is null;

    /// <inheritdoc/>
    public Task<RoutingPlan> PlanAsync(WakeUp wakeUp, ClientInfo? clientInfo, CancellationToken ct)
    {
        if (FromClient && clientInfo is null)
            return Task.FromResult(RoutingPlan.Refuse(Refused.Because(RefusalReason.NoCapableWallet, null, $"{embodiment}: the WUM sent no brand information")));
        var info = mswInfo ?? clientInfo!.BrandInfo.Select(b => (b.Ssw, (IReadOnlySet<string>)b.Brands.ToHashSet())).ToList();
        var source = FromClient ? "brand information sent by the WUM" : "MSW's brand information";
        foreach (var (ssw, brands) in info) RoutingTrace.Queried(trace, actor, ssw, brands.Order(StringComparer.Ordinal).ToList(), $"{embodiment}: {source}");
        var capable = info.Where(i => i.Brands.Contains(wakeUp.Brand)).Select(i => i.Ssw).ToList();
        return Task.FromResult(RoutingPlan.FirstReachable(capable, capable.Count == 0
            ? $"{embodiment}: {source} lists no slave for {wakeUp.Brand}"
            : $"{embodiment}: {source} lists {wakeUp.Brand}; first capable in registration order"));
    }
}
