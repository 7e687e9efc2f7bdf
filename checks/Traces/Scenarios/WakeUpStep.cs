namespace MultiWallet.Checks.Traces.Scenarios;

/// <summary>
/// One wake-up of a scenario: the order id and brand, an optional change to the world made just before it
/// (a brand change, a WUM re-download, a tampering rule...), an optional other entry point (a second user PC),
/// and the hand-written expected outcome. A LID-M used twice re-sends the same wake-up bytes (a replay).
/// </summary>
public sealed record WakeUpStep(string LidM, string Brand, Expected Expect)
{
    /// <summary>What happens to the world just before this wake-up, said in one line for the trace header.</summary>
    public string? BeforeNote { get; init; }
    public Action<TraceScenarioRun>? Before { get; init; }
    /// <summary>Pays through another entry point than the embodiment's (e.g. a second PC's WUM); null = the embodiment's entry.</summary>
    public Func<TraceScenarioRun, MultiWallet.Impl.Client.IPaymentEntry>? Via { get; init; }
    /// <summary>Hand-made wake-up bytes (bad input) instead of the merchant's offer; LID-M and brand are then labels only.</summary>
    public Func<byte[]>? RawWakeUp { get; init; }
}
