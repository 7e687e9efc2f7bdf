namespace MultiWallet.Impl.Set;

/// <summary>What the gateway's record says about one XID (authorization inquiry and reversal answers).</summary>
public enum GatewayStatus
{
    /// <summary>Authorized; the recorded AuthRes is attached.</summary>
    Authorized,
    /// <summary>Declined; the recorded AuthRes is attached.</summary>
    Declined,
    /// <summary>No AuthReq for this XID was ever recorded. Asking closes the XID: a later AuthReq for it is refused.</summary>
    NotFound,
    /// <summary>Authorized, then reversed at the merchant's request.</summary>
    Reversed,
    /// <summary>Closed without an authorization (inquired while unknown, or reversed before any AuthReq arrived).</summary>
    Voided,
}
