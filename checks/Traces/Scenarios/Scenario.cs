using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Traces.Scenarios;

/// <summary>
/// The outcome a wake-up must have, written by hand from SPEC.md / docs/DECISIONS.md (never copied from a run).
/// <see cref="Wallet"/> is checked when given; a refusal whose wallet DECISIONS.md does not fix leaves it null (unchecked).
/// </summary>
public sealed record Expected(bool Paid, string? Wallet, string? Brand, RefusalReason? Reason, string? CauseContains)
{
    public static Expected PaidBy(string wallet, string brand) => new(true, wallet, brand, null, null);
    public static Expected Refused(RefusalReason reason, string? wallet = null, string? causeContains = null) => new(false, wallet, null, reason, causeContains);

    /// <summary>Refusals decided before any SET message: no PInitReq may reach the merchant in that wake-up.</summary>
    public bool BeforePInitReq => Reason is RefusalReason.NoCapableWallet or RefusalReason.BrandNotHeld or RefusalReason.NoChoice
        or RefusalReason.InvalidChoice or RefusalReason.WalletUnreachable or RefusalReason.MalformedAddress or RefusalReason.UnknownAddress
        or RefusalReason.CredentialRefused or RefusalReason.Replay or RefusalReason.UnknownBrand or RefusalReason.MalformedWakeUp;

    /// <summary>Null when <paramref name="o"/> is what was expected, else why not.</summary>
    public string? Mismatch(PaymentOutcome o) => o switch
    {
        Paid p when Paid && p.Wallet == Wallet && p.Brand == Brand => null,
        Refused r when !Paid && r.Reason == Reason && (Wallet is null || r.Wallet == Wallet)
            && (CauseContains is null || r.Cause.Contains(CauseContains, StringComparison.Ordinal)) => null,
        _ => $"expected {this}, got {o}",
    };

    public override string ToString() => Paid ? $"Paid({Wallet}, {Brand})"
        : $"Refused({Reason}{(Wallet is null ? "" : $", {Wallet}")}{(CauseContains is null ? "" : $", cause ~ \"{CauseContains}\"")})";
}

/// <summary>
/// One wake-up of a scenario: the order id and brand, an optional change to the world made just before it
/// (a brand change, a WUM re-download, a tampering rule...), an optional other entry point (a second user PC),
/// and the hand-written expected outcome. A LID-M used twice re-sends the same wake-up bytes (a replay).
/// </summary>
public sealed record WakeUpStep(string LidM, string Brand, Expected Expect)
{
    /// <summary>What happens to the world just before this wake-up, said in one line for the trace header.</summary>
    public string? BeforeNote { get; init; }
    public Action<ScenarioRun>? Before { get; init; }
    /// <summary>Pays through another entry point than the embodiment's (e.g. a second PC's WUM); null = the embodiment's entry.</summary>
    public Func<ScenarioRun, MultiWallet.Impl.Client.IPaymentEntry>? Via { get; init; }
    /// <summary>Hand-made wake-up bytes (bad input) instead of the merchant's offer; LID-M and brand are then labels only.</summary>
    public Func<byte[]>? RawWakeUp { get; init; }
}

/// <summary>A canonical scenario: name, embodiment, topology, scripted user answers, wake-ups with their expected outcomes.</summary>
public sealed record Scenario(string Name, string Summary, TopologyConfig Topology, IReadOnlyList<string?> Answers, IReadOnlyList<WakeUpStep> WakeUps)
{
    /// <summary>Fixed so the committed snapshot stays valid whatever seed a catalog run is given (the patent's filing date).</summary>
    public const int Seed = 20000203;

    public string Embodiment => Topology.Embodiment;
    public int ExpectedAuthorizations => WakeUps.Count(w => w.Expect.Paid);
    public override string ToString() => Name;
}
