namespace MultiWallet.Model.Vocabulary;

/// <summary>
/// The request of a purchase a fault hits: the first request of that kind in the next wake-up (after any earlier
/// fault of the same position armed before it). The first three are the purchase's own hops; the next three are
/// the recovery hops, reached only once an earlier fault made the wallet or the merchant inquire; the last six are
/// the wallet-session and custody hops, which carry no SET message to the merchant (DECISIONS.md, S1–S3).
/// </summary>
public enum FaultPosition
{
    /// <summary>PC → merchant, the purchase initiation.</summary>
    PInitReq,
    /// <summary>PC → merchant, the purchase request (its answer is the PRes).</summary>
    PReq,
    /// <summary>Merchant → gateway, the authorization request (its answer is the AuthRes).</summary>
    AuthReq,
    /// <summary>PC → merchant, the wallet's inquiry.</summary>
    InqReq,
    /// <summary>Merchant → gateway, the authorization inquiry.</summary>
    AuthInqReq,
    /// <summary>Merchant → gateway, the authorization reversal.</summary>
    AuthRevReq,
    /// <summary>PC → its wallet (the server wallet, or the master in E7–E12), the session start.</summary>
    WalletStart,
    /// <summary>PC → its wallet, the session step that delivers the merchant's PRes (the answer after which the purchase may be paid).</summary>
    WalletDeliver,
    /// <summary>E7, E9–E12: master → slave, the proxied session's start.</summary>
    SlaveStart,
    /// <summary>E7, E9–E12: master → slave, the proxied step that delivers the PRes.</summary>
    SlaveDeliver,
    /// <summary>E5, E6: the PC's live brand query to a server wallet.</summary>
    BrandQuery,
    /// <summary>E8: master → custodian, the credential request.</summary>
    Custody,
}
