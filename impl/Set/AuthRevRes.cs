using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>
/// Authorization reversal answer, gateway → merchant: the XID's record after the reversal (Reversed, Voided,
/// or Declined when there was nothing to reverse). On the wire: CMS envelope (merchant key exchange) of "Signed/AuthRevRes" (gateway).
/// </summary>
public sealed record AuthRevRes(string LidM, byte[] Xid, GatewayStatus Status)
{
    /// <summary>The network kind of this message, also its canonical "msg" tag.</summary>
    public const string Kind = "AuthRevRes";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Kind).Str("lid-m", LidM).Bytes("xid", Xid).Str("status", Status.ToString()).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static AuthRevRes Decode(byte[] b) => CanonReader.Decode(b, Kind, r =>
    {
        var lid = r.Str("lid-m"); var xid = r.Bytes("xid", 20);
        var status = GatewayStatuses.Parse(r.Str("status"), Kind);
        if (status is not (GatewayStatus.Reversed or GatewayStatus.Voided or GatewayStatus.Declined))
            throw new SetException(SetErrorCode.Malformed, "AuthRevRes: status must be Reversed, Voided or Declined");
        return new AuthRevRes(lid, xid, status);
    }, m => m.Encode());
}
