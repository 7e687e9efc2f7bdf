using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;

namespace MultiWallet.Impl.Client;

/// <summary>
/// The conventional wallet connection module on the user PC (Fig. 2): paired to exactly ONE server wallet.
/// <see cref="PayAsync"/> admits the wake-up (<see cref="WakeUpGate"/>: malformed / unknown brand / replay
/// are refused with nothing sent), then relays the session between its SW and the merchant, under the user's login at
/// that SW (<see cref="ClientLogin"/>).
/// </summary>
public sealed class Wum : IPaymentEntry
{
    private readonly IWakeUpGate gate;
    private readonly WalletRelay relay;
    private readonly INetwork net;

    /// <summary>
    /// A WUM paired to the wallet at <paramref name="wallet"/>, running its sessions under <paramref name="login"/>, sending from
    /// <paramref name="self"/> (the PC) to <paramref name="merchant"/>.
    /// </summary>
    public Wum(INetwork net, Address wallet, ClientLogin login, Address? self = null, Address? merchant = null, string? name = null, Func<string, IWakeUpGate>? gate = null)
    {
        this.net = net;
        Wallet = wallet;
        Name = name ?? $"WUM-{wallet.WalletName ?? wallet.Value}";
        Self = self ?? Address.Pc;
        this.gate = gate?.Invoke(Name) ?? new WakeUpGate(net.Trace, Name);
        relay = new WalletRelay(net, Self, merchant ?? Address.Merchant, login);
    }

    /// <summary>The address of the one server wallet this WUM is paired to.</summary>
    public Address Wallet { get; }

    /// <summary>
    /// E11/E12: the information this WUM carries about the slaves, sent to the master with the wake-up
    /// (a function from the wake-up bytes to the Wallet.StartWithInfo body); null for a conventional WUM.
    /// </summary>
    public Func<byte[], byte[]>? Info { get; init; }
    /// <summary>The PC address this WUM sends from.</summary>
    public Address Self { get; }
    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public async Task<PaymentOutcome> PayAsync(byte[] wakeUpBytes, CancellationToken ct = default)
    {
        var (w, refusal) = gate.Admit(wakeUpBytes);
        if (refusal is not null) return refusal;
        net.Trace.Decide(Name, TraceDecisions.Routed, new Dictionary<string, string> { ["wallet"] = Wallet.WalletName ?? Wallet.Value }, "conventional WUM is paired to one SW");
        var outcome = await RelayAsync(w!, wakeUpBytes, ct).ConfigureAwait(false);
        net.Trace.Decide(Name, TraceDecisions.Outcome, new Dictionary<string, string> { ["lid-m"] = w!.LidM }, outcome.ToString());
        return outcome;
    }

    /// <summary>
    /// Runs the session for a wake-up a selector in front of this WUM has already admitted (E1–E5), so the
    /// order is checked once, at the PC's entry point.
    /// </summary>
    public Task<PaymentOutcome> RelayAsync(Set.WakeUp w, byte[] wakeUpBytes, CancellationToken ct = default, IReadOnlyDictionary<string, string>? extraFields = null)
    {
        var start = Info is null ? wakeUpBytes : Info(wakeUpBytes);
        var kind = Info is null ? WalletProtocol.Start : ClientInfo.StartWithInfo;
        var fields = new Dictionary<string, string>(extraFields ?? NetMessage.NoFields) { ["lid-m"] = w.LidM, ["brand"] = w.Brand, ["amount"] = $"{w.Amount} {w.Currency}" };
        return relay.RunAsync(Wallet, start, fields, ct, kind, Address.MerchantOf(w.MerchantId));
    }
}
