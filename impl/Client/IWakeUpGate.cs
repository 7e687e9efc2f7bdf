using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Client;

/// <summary>
/// The user PC's admission of a wake-up (malformed, unknown brand, replay). One implementation,
/// <see cref="WakeUpGate"/>; the interface is the seam a seeded fault substitutes (checks/Faults).
/// </summary>
public interface IWakeUpGate
{
    /// <summary>Returns the wake-up, or the refusal (and then nothing may be sent).</summary>
    (WakeUp? WakeUp, Refused? Refusal) Admit(byte[] bytes);
}
