using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Parties;

/// <summary>
/// One order the merchant offered (identified by merchant id and LID-M) and the transaction state it
/// keeps for it: XID, challenges and RRPID from PInitReq/PInitRes, the PReq's RRPID, the signed PRes it
/// answered with (returned again to an inquiry or to a repeat of the same PReq), the PReq's hash, why it was closed, and
/// since when (on the merchant's clock) it is in its state: its lifetime in that state runs from there. Immutable: transitions replace it.
/// </summary>
public sealed record MerchantOrder(WakeUp Offer, OrderState State, string? LidC = null, byte[]? Xid = null, byte[]? ChallC = null, byte[]? ChallM = null, byte[]? Rrpid = null, string? AuthCode = null,
    byte[]? PReqRrpid = null, byte[]? RecordedPRes = null, string? Cause = null, byte[]? PReqHash = null, DateTime Since = default)
{
    /// <summary>One line: LID-M, state, brand, amount, XID prefix.</summary>
    public override string ToString() =>
        $"{Offer.LidM} {State} brand={Offer.Brand} amount={Offer.Amount} xid={(Xid is null ? "-" : Convert.ToHexStringLower(Xid)[..8])}";
}
