namespace MultiWallet.Model.Vocabulary;

/// <summary>
/// The request of a purchase a fault hits: the first request of that kind in the next wake-up (after any earlier
/// fault of the same position armed before it). The first three are the purchase's own hops; the last three are
/// the recovery hops, reached only once an earlier fault made the wallet or the merchant inquire.
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
}
