using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Routing;
using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Server.Master;

/// <summary>
/// E9 (¶0129–0139): the MSW knows only that the user holds some certificate at these slaves (SSW
/// information, brand unknown) and asks the user, over the network, which one to use. E12 (¶0170–0176):
/// the same, with the SSW information the client WUM sent (<paramref name="mswInfo"/> null). Offered:
/// exactly the listed slaves, in registration order.
/// </summary>
/// <remarks>The question is asked under the user's login at the master (<paramref name="key"/>).</remarks>
public sealed class UserPickSlaveRouting(string embodiment, IReadOnlyList<string>? mswInfo, INetwork net, Address self, Address pc, UserPortKey key, string actor = "MSW") : ISlaveRouting, IReplaceableKnowledge
{
    private IReadOnlyList<string>? mswInfo = mswInfo;

    /// <inheritdoc/>
    public bool Replace(IReadOnlyList<(string Wallet, IReadOnlySet<string> Brands)> table, IReadOnlyList<string> ssws)
    {
        if (mswInfo is null) return false;
        mswInfo = ssws;
        return true;
    }

    /// <inheritdoc/>
    public string Embodiment => embodiment;

    /// <inheritdoc/>
    public async Task<RoutingPlan> PlanAsync(WakeUp wakeUp, ClientInfo? clientInfo, CancellationToken ct)
    {
        var options = mswInfo ?? clientInfo?.SswInfo ?? [];
        RoutingTrace.Offered(net.Trace, actor, options, $"{embodiment}: {(mswInfo is null ? "SSW information sent by the WUM" : "MSW's SSW information")}; brand unknown to the MSW");
        string? pick;
        try
        {
            pick = await UserPortProtocol.AskAsync(net, self, pc, key, wakeUp, UserPortProtocol.Choose, $"Which slave wallet should pay with {wakeUp.Brand}?", options, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NetworkException or SetException)
        {
            pick = null;
        }
        RoutingTrace.Chose(net.Trace, actor, pick);
        return pick is null ? RoutingPlan.Refuse(Refused.Because(RefusalReason.NoChoice, null, $"{embodiment}: the user chose no slave wallet"))
            : !options.Contains(pick) ? RoutingPlan.Refuse(Refused.Because(RefusalReason.InvalidChoice, null, $"{embodiment}: {pick} was not offered"))
            : RoutingPlan.Only(pick, $"{embodiment}: the slave the user chose");
    }
}
