using System.Runtime.CompilerServices;
using MultiWallet.Impl.Network;

namespace MultiWallet.Impl.Client;

/// <summary>
/// What the user PC persists (docs/DECISIONS.md, "Bounded resources", restart table, and "PC restart"): each entry
/// point's accepted orders (its <see cref="IWakeUpGate"/>: INV-ONCE rests on them), the orders whose outcome it reported
/// unknown (<see cref="UnknownOutcomes"/>, W4) and its open wallet sessions (<see cref="OpenSessions"/>). Its login keys
/// are configuration. The relay's in-flight work is not persisted: a restarted PC takes each open session up from what
/// the disk says (<see cref="WalletRelay.ResumeAsync"/>). One disk per network the PC sends on, shared by every entry
/// point of that PC; a restart reads it back, an amnesiac restart (a seeded fault) starts from a wiped one.
/// </summary>
public sealed class PcDisk
{
    private static readonly ConditionalWeakTable<INetwork, PcDisk> Disks = [];
    private readonly Dictionary<string, IWakeUpGate> gates = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>The disk of the PC that sends on <paramref name="net"/>.</summary>
    public static PcDisk For(INetwork net) => Disks.GetValue(net, _ => new PcDisk());

    /// <summary>Replaces the disk of the PC on <paramref name="net"/> by an empty one (a PC that persisted nothing) and returns it.</summary>
    public static PcDisk Wipe(INetwork net)
    {
        var fresh = new PcDisk();
        Disks.AddOrUpdate(net, fresh);
        return fresh;
    }

    /// <summary>Orders whose outcome the PC reported unknown (W4).</summary>
    public UnknownOutcomes Unknown { get; } = new();

    /// <summary>Wallet sessions under way.</summary>
    public OpenSessions Sessions { get; } = new();

    /// <summary>The accepted-order gate of the entry point <paramref name="entry"/>: the persisted one, or a new one from <paramref name="make"/>.</summary>
    public IWakeUpGate Gate(string entry, Func<IWakeUpGate> make)
    {
        lock (gate)
        {
            if (!gates.TryGetValue(entry, out var g)) gates[entry] = g = make();
            return g;
        }
    }
}
