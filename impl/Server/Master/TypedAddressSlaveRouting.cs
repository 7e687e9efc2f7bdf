using System.Text.RegularExpressions;
using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Routing;
using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Server.Master;

/// <summary>
/// E10 (¶0144–0153): nobody holds routing knowledge; the MSW asks the user PC for the slave's network
/// address and proxies to what the user typed. The MSW keeps no list of slaves, so it needs no change when
/// slaves change; an address with no party behind it is UnknownAddress (the network's "no such host"),
/// a known slave that does not answer is WalletUnreachable.
/// </summary>
/// <remarks>The question is asked under the user's login at the master (<paramref name="key"/>).</remarks>
public sealed partial class TypedAddressSlaveRouting(INetwork net, Address self, Address pc, UserPortKey key, string actor = "MSW") : ISlaveRouting
{
    /// <inheritdoc/>
    public string Embodiment => "E10";

    /// <inheritdoc/>
    public async Task<RoutingPlan> PlanAsync(WakeUp wakeUp, ClientInfo? clientInfo, CancellationToken ct)
    {
        string? typed;
        try
        {
            typed = await UserPortProtocol.AskAsync(net, self, pc, key, wakeUp, UserPortProtocol.TypeAddress, $"Network address of the slave wallet that holds {wakeUp.Brand} (ssw://NAME)", [], ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NetworkException or SetException)
        {
            typed = null;
        }
        RoutingTrace.Chose(net.Trace, actor, typed);
        if (string.IsNullOrEmpty(typed))
            return RoutingPlan.Refuse(Refused.Because(RefusalReason.NoChoice, null, "E10: the user typed no address"));
        var m = AddressForm().Match(typed);
        if (!m.Success)
            return RoutingPlan.Refuse(Refused.Because(RefusalReason.MalformedAddress, null, $"E10: '{typed}' is not of the form ssw://NAME"));
        if (m.Groups[1].Value == self.WalletName)
            return RoutingPlan.Refuse(Refused.Because(RefusalReason.UnknownAddress, m.Groups[1].Value, $"E10: '{typed}' names the master itself, not a slave"));
        return RoutingPlan.Only(m.Groups[1].Value, $"E10: the address the user typed ({typed})") with { TypedAddress = true };
    }

    [GeneratedRegex("^ssw://([A-Za-z0-9-]+)$")]
    private static partial Regex AddressForm();
}
