using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Routing;
using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Client.Selection;

/// <summary>
/// E5 (Fig. 6, claim C6, ¶0074–0082) and E6 (Fig. 7, claim C7, ¶0086–0091): at each wake-up, ask every SW
/// over the network which brands it holds now (never cached, INV-LIVE) and route to the first capable.
/// A SW that does not answer within the network's bounded wait is recorded as unreachable and left out.
/// The SW's answer is its own claim: if it lies, its refusal at session start surfaces (no fallback).
/// </summary>
public sealed class LiveBrandQueryRouting(INetwork net, Address self, IReadOnlyList<string> wallets, string embodiment, string actor) : ISelectorRouting
{
    /// <inheritdoc/>
    public string Embodiment => embodiment;

    /// <inheritdoc/>
    public async Task<RoutingPlan> PlanAsync(WakeUp wakeUp, CancellationToken ct)
    {
        var capable = new List<string>();
        foreach (var wallet in wallets)
        {
            var brands = await QueryAsync(wallet, ct).ConfigureAwait(false);
            RoutingTrace.Queried(net.Trace, actor, wallet, brands, $"{embodiment}: live brand query");
            if (brands is not null && brands.Contains(wakeUp.Brand)) capable.Add(wallet);
        }
        return RoutingPlan.FirstReachable(capable, capable.Count == 0
            ? $"{embodiment}: no reachable SW answered that it holds {wakeUp.Brand}"
            : $"{embodiment}: SW answered it holds {wakeUp.Brand}; first capable in registration order");
    }

    private async Task<IReadOnlyList<string>?> QueryAsync(string wallet, CancellationToken ct)
    {
        try
        {
            var reply = await RetriedRequest.SendAsync(net, new NetMessage(self, Address.ServerWallet(wallet), WalletProtocol.BrandQuery, [], NetMessage.NoFields), ct).ConfigureAwait(false);
            return reply.Kind == WalletProtocol.Brands ? WalletProtocol.DecodeBrands(reply.Body) : null;
        }
        catch (NetworkException) { return null; }
        catch (SetException) { return null; }
    }
}
