using MultiWallet.Impl.Network;
using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Parties;

/// <summary>
/// What the gateway keeps for one XID: whose order it is, the fingerprint of the AuthReq it answered
/// (H(AuthReqData ‖ PIDualSigned)), its status, the signed AuthRes it recorded and the exact reply it sent,
/// so an identical repeated AuthReq gets the same bytes back and never a second authorization.
/// </summary>
public sealed record GatewayRecord(string MerchantId, string LidM, string Brand, long Amount, byte[]? Fingerprint, GatewayStatus Status, byte[]? SignedAuthRes, NetMessage? Reply)
{
    /// <summary>One line: LID-M, status, amount.</summary>
    public override string ToString() => $"{MerchantId}/{LidM} {Status} amount={Amount}";
}
