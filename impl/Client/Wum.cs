using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;

namespace MultiWallet.Impl.Client;

/// <summary>
/// The conventional wallet connection module on the user PC (Fig. 2): paired to exactly ONE server wallet.
/// <see cref="PayAsync"/> admits the wake-up (<see cref="WakeUpGate"/>: malformed / unknown brand / replay
/// are refused with nothing sent), then relays the session between its SW and the merchant.
/// </summary>
public sealed class Wum
{
    private readonly WakeUpGate gate;
    private readonly WalletRelay relay;
    private readonly INetwork net;
    private int sessions;

    public Wum(INetwork net, Address wallet, Address? self = null, Address? merchant = null, string? name = null)
    {
        this.net = net;
        Wallet = wallet;
        Name = name ?? $"WUM-{wallet.WalletName ?? wallet.Value}";
        Self = self ?? Address.Pc;
        gate = new WakeUpGate(net.Trace, Name);
        relay = new WalletRelay(net, Self, merchant ?? Address.Merchant);
    }

    public Address Wallet { get; }
    public Address Self { get; }
    public string Name { get; }

    public async Task<PaymentOutcome> PayAsync(byte[] wakeUpBytes, CancellationToken ct = default)
    {
        var (w, refusal) = gate.Admit(wakeUpBytes);
        if (refusal is not null) return refusal;
        // Session ids are unique per WUM name (the SW refuses a reused id), deterministic for traces.
        var session = $"{Name}-{Interlocked.Increment(ref sessions):0000}";
        net.Trace.Decide(Name, "Routed", new Dictionary<string, string> { ["wallet"] = Wallet.Value }, "conventional WUM is paired to one SW");
        var outcome = await relay.RunAsync(Wallet, wakeUpBytes, session,
            new Dictionary<string, string> { ["lid-m"] = w!.LidM, ["brand"] = w.Brand, ["amount"] = $"{w.Amount} {w.Currency}" }, ct).ConfigureAwait(false);
        net.Trace.Decide(Name, "Outcome", new Dictionary<string, string> { ["lid-m"] = w.LidM }, outcome.ToString());
        return outcome;
    }
}
