namespace MultiWallet.Impl.Parties;

/// <summary>
/// The merchant's decisions about an order whose authorization is unknown (docs/DECISIONS.md, "Faults and recovery",
/// M1 and M3). <see cref="OrderResolution.Faithful"/> never re-opens such an order and resolves it with the gateway
/// before answering an inquiry; the interface is the seam a seeded fault substitutes.
/// </summary>
public interface IOrderResolution
{
    /// <summary>True when an order whose AuthReq got no usable answer goes back to Initiated (the PReq is refused) instead of AuthorizationUnknown.</summary>
    bool ReopensUnknown { get; }

    /// <summary>True when an inquiry about an AuthorizationUnknown order asks the gateway before it is answered.</summary>
    bool ResolvesBeforeAnswering { get; }
}
