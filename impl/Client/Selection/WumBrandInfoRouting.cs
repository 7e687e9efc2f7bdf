using MultiWallet.Impl.Network;
using MultiWallet.Impl.Routing;
using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Client.Selection;

/// <summary>
/// E4: at each wake-up the selector asks every installed WUM for the brand information it carries and
/// routes to the first capable. Reads the installation at wake-up time, so installing a newer WUM changes
/// routing from the next wake-up on (INV-LIVE).
/// </summary>
/// <param name="trace">Where installs and queries are recorded.</param>
/// <param name="registration">The wallets in registration order, the only tie-breaker: WUMs are asked in
/// that order whatever order they were installed in (names not registered come last, ordinal).</param>
/// <param name="actor">The name decisions are recorded under.</param>
public sealed class WumBrandInfoRouting(TraceLog trace, IReadOnlyList<string> registration, string actor = "selector") : ISelectorRouting
{
    private readonly List<BrandCarryingWum> installed = [];
    private readonly Lock gate = new();

    /// <inheritdoc/>
    public string Embodiment => "E4";

    /// <summary>The installed WUMs in registration order (what the next wake-up reads).</summary>
    public IReadOnlyList<BrandCarryingWum> Installed
    {
        get
        {
            lock (gate)
                return installed.OrderBy(w => registration.Contains(w.Wallet) ? registration.ToList().IndexOf(w.Wallet) : int.MaxValue)
                    .ThenBy(w => w.Wallet, StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>
    /// Installs the WUM for a wallet, or upgrades it: only a newer version replaces the installed one (a
    /// re-download never downgrades). The registration position of that wallet is kept.
    /// </summary>
    public void Install(BrandCarryingWum wum)
    {
        lock (gate)
        {
            var i = installed.FindIndex(w => w.Wallet == wum.Wallet);
            if (i >= 0 && installed[i].Version >= wum.Version)
            {
                trace.Decide(actor, TraceDecisions.InstallIgnored, new Dictionary<string, string> { ["wallet"] = wum.Wallet, ["version"] = $"v{wum.Version}", ["installed"] = $"v{installed[i].Version}" }, "E4: not newer than the installed WUM");
                return;
            }
            if (i < 0) installed.Add(wum); else installed[i] = wum;
        }
        trace.Decide(actor, TraceDecisions.Installed, new Dictionary<string, string> { ["wallet"] = wum.Wallet, ["version"] = $"v{wum.Version}", ["brands"] = string.Join(',', wum.Brands.Order(StringComparer.Ordinal)) }, "E4: WUM (re-)downloaded");
    }

    /// <inheritdoc/>
    public Task<RoutingPlan> PlanAsync(WakeUp wakeUp, CancellationToken ct)
    {
        var now = Installed;
        foreach (var w in now) RoutingTrace.Queried(trace, actor, w.Wallet, w.Brands.Order(StringComparer.Ordinal).ToList(), $"E4: brand information inside WUM v{w.Version}");
        var capable = now.Where(w => w.Brands.Contains(wakeUp.Brand)).Select(w => w.Wallet).ToList();
        return Task.FromResult(RoutingPlan.FirstReachable(capable, capable.Count == 0
            ? $"E4: no installed WUM lists {wakeUp.Brand}"
            : $"E4: installed WUM lists {wakeUp.Brand}; first capable in registration order"));
    }
}
