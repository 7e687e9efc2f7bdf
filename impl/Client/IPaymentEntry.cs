using MultiWallet.Impl.Protocol;

namespace MultiWallet.Impl.Client;

/// <summary>
/// What receives the merchant's wake-up on the user PC: a conventional WUM (Fig. 2, E7–E12), a selector
/// in front of several WUMs (E1–E5) or the multi-server WUM (E6). Every implementation admits the wake-up
/// first (<see cref="WakeUpGate"/>) and returns a typed outcome; none throws for bad input.
/// </summary>
public interface IPaymentEntry
{
    /// <summary>The name used in the trace, e.g. <c>selector</c>, <c>WUM(MSW)</c>.</summary>
    string Name { get; }

    /// <summary>Admits the wake-up and runs the purchase; the typed outcome, never an exception for bad input.</summary>
    Task<PaymentOutcome> PayAsync(byte[] wakeUpBytes, CancellationToken ct = default);
}
