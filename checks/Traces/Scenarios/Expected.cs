using MultiWallet.Impl.Protocol;

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
