using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;

namespace MultiWallet.Impl.Client.Selection;

/// <summary>
/// The selector on the user PC (claim C1; E1–E5): receives the wake-up, asks its routing strategy which
/// WUM should take it, and hands the wake-up to that WUM, which drives its own SW. Each WUM stays paired
/// one-to-one with its SW; only the selector knows there are several.
/// </summary>
public sealed class Selector : IPaymentEntry
{
    private readonly INetwork net;
    private readonly IWakeUpGate gate;
    private readonly IReadOnlyDictionary<string, Wum> wums;

    /// <summary>A selector in front of <paramref name="wums"/> (one per wallet) that routes with <paramref name="routing"/>.</summary>
    public Selector(INetwork net, ISelectorRouting routing, IEnumerable<Wum> wums, string name = "selector", Func<string, IWakeUpGate>? gate = null)
    {
        this.net = net;
        Routing = routing;
        Name = name;
        this.gate = gate?.Invoke(name) ?? new WakeUpGate(net.Trace, name);
        this.wums = wums.ToDictionary(w => w.Wallet.WalletName!, StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public string Name { get; }
    /// <summary>How this selector picks the WUM for a wake-up.</summary>
    public ISelectorRouting Routing { get; }

    /// <inheritdoc/>
    public Task<PaymentOutcome> PayAsync(byte[] wakeUpBytes, CancellationToken ct = default) =>
        RoutedEntry.PayAsync(wakeUpBytes, gate, Routing, net.Trace, Name, (w, wallet) =>
            wums.TryGetValue(wallet, out var wum)
                ? wum.RelayAsync(w, wakeUpBytes, ct)
                : Task.FromResult<PaymentOutcome>(Refused.Because(RefusalReason.WalletUnreachable, wallet, $"no WUM for {wallet} is installed: treated as unreachable")), ct);
}
