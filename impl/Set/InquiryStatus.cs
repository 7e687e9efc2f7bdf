namespace MultiWallet.Impl.Set;

/// <summary>What a merchant's InqRes tells the wallet about its transaction.</summary>
public enum InquiryStatus
{
    /// <summary>Authorized: the InqRes carries the recorded signed PRes.</summary>
    Paid,
    /// <summary>Declined by the gateway: the InqRes carries the recorded signed PRes.</summary>
    Declined,
    /// <summary>The merchant's AuthReq is still in flight; ask again.</summary>
    Pending,
    /// <summary>The order is closed without payment (no PReq arrived, nothing at the gateway, or abandoned and reversed); the cause says which.</summary>
    Cancelled,
}
