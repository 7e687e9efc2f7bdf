namespace MultiWallet.Impl.Parties;

/// <summary>Where an order stands at the merchant. Only a verified message moves it forward.</summary>
public enum OrderState
{
    /// <summary>Offered (wake-up sent), no PInitReq yet.</summary>
    Offered,
    /// <summary>PInitRes sent: XID and challenges fixed.</summary>
    Initiated,
    /// <summary>PReq verified; the gateway is being asked.</summary>
    Authorizing,
    /// <summary>Authorized by the gateway.</summary>
    Paid,
    /// <summary>Declined by the gateway.</summary>
    Declined,
    /// <summary>The AuthReq or its answer was lost: the gateway may have authorized. Never re-opened; resolved by asking the gateway.</summary>
    AuthorizationUnknown,
    /// <summary>Closed without payment: no PReq arrived before the wallet inquired, or the gateway never received the AuthReq (its XID is now closed there).</summary>
    Cancelled,
    /// <summary>Abandoned while unknown, and the gateway reversed or voided the XID.</summary>
    Reversed,
    /// <summary>Abandoned while unknown, the reversal not yet acknowledged: the merchant retries it until the gateway answers.</summary>
    Abandoned,
}
