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
}
