using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Server;

/// <summary>
/// What a wallet writes to its transaction log once a purchase's PReq is about to leave, and reads back after a restart:
/// the order, the transaction ids (LID-C, LID-M, XID, the PInitReq's RRPID) and who pays with which brand. Enough to
/// inquire (InqReq is unsigned) and to check the merchant's signed InqRes; never a key or a PAN: a restarted wallet
/// learns the outcome, it cannot sign again (docs/DECISIONS.md, "Bounded resources", restart table).
/// </summary>
/// <param name="Order">The wake-up being paid.</param>
/// <param name="Init">The PInitReq sent (LID-C, RRPID, Chall-C).</param>
/// <param name="InitRes">The merchant's verified PInitRes (XID).</param>
/// <param name="Wallet">The wallet whose credential signed the PReq.</param>
/// <param name="Inquiries">Inquiries already sent before the crash.</param>
/// <param name="Acquired">E8: the credential was acquired from a slave (the restart erased it).</param>
public sealed record PurchaseLog(WakeUp Order, PInitReq Init, PInitRes InitRes, string Wallet, int Inquiries, bool Acquired = false);
