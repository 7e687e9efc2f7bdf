namespace MultiWallet.Checks.Attacks;

/// <summary>One wake-up the user's PC ran: the order, brand and amount the merchant offered the user, and what the user was told.</summary>
/// <param name="LidM">The order.</param>
/// <param name="Brand">The brand of the offer.</param>
/// <param name="Amount">The amount of the offer.</param>
/// <param name="Outcome">The outcome as a comparable line (Paid(wallet, brand) or Refused(reason)), or "hang".</param>
/// <param name="Xid">The XID of a paid outcome (hex), else null.</param>
/// <param name="Merchant">The merchant the wake-up came from (its order is (merchant, LID-M)).</param>
public sealed record UserPurchase(string LidM, string Brand, long Amount, string Outcome, string? Xid, string Merchant = Impl.World.PaymentWorld.MerchantId)
{
    /// <summary>The paying wallet, or the wallet a refusal names; null when it names none (kept apart from <see cref="Outcome"/>, which the properties compare).</summary>
    public string? Wallet { get; init; }
}
