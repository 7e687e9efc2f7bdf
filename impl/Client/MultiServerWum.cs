using MultiWallet.Impl.Client.Selection;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;

namespace MultiWallet.Impl.Client;

/// <summary>
/// Fig. 7 (claim C7, ¶0086–0091): ONE WUM that can connect to several SWs. On wake-up it queries their
/// brand information over the network and runs the session with the first capable one. Nothing to set up
/// on the PC but the list of SW addresses.
/// </summary>
public sealed class MultiServerWum : IPaymentEntry
{
    private readonly INetwork net;
    private readonly IWakeUpGate gate;
    private readonly WalletRelay relay;

    /// <summary>The name the trace shows for the multi-server WUM.</summary>
    public const string DefaultName = "WUM(multi)";

    /// <summary>
    /// A multi-server WUM on the PC that routes each wake-up with <paramref name="routing"/> (the embodiment's live brand queries)
    /// and runs each session under the user's login at the chosen SW (<paramref name="login"/>).
    /// </summary>
    public MultiServerWum(INetwork net, ISelectorRouting routing, ClientLogin login, string name = DefaultName, Func<string, IWakeUpGate>? gate = null)
    {
        this.net = net;
        Name = name;
        this.gate = gate?.Invoke(name) ?? new WakeUpGate(net.Trace, name);
        relay = new WalletRelay(net, Address.Pc, Address.Merchant, login);
        Routing = routing;
    }

    /// <inheritdoc/>
    public string Name { get; }
    /// <summary>How this WUM picks the wallet for a wake-up.</summary>
    public ISelectorRouting Routing { get; }

    /// <inheritdoc/>
    public Task<PaymentOutcome> PayAsync(byte[] wakeUpBytes, CancellationToken ct = default) =>
        RoutedEntry.PayAsync(wakeUpBytes, gate, Routing, net.Trace, Name, (w, wallet) =>
            relay.RunAsync(Address.ServerWallet(wallet), wakeUpBytes,
                new Dictionary<string, string> { ["lid-m"] = w.LidM, ["brand"] = w.Brand, ["amount"] = $"{w.Amount} {w.Currency}" }, ct, merchant: Address.MerchantOf(w.MerchantId)), ct);
}
