using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>
/// Authorization inquiry answer, gateway → merchant: the gateway's record for the XID and, when it authorized
/// or declined, the signed AuthRes it recorded (the same bytes it answered the AuthReq with, before enveloping).
/// On the wire: CMS envelope (merchant key exchange) of "Signed/AuthInqRes" (gateway).
/// </summary>
public sealed record AuthInqRes(string LidM, byte[] Xid, GatewayStatus Status, IReadOnlyList<byte[]> RecordedAuthRes)
{
    /// <summary>The network kind of this message, also its canonical "msg" tag.</summary>
    public const string Kind = "AuthInqRes";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Kind).Str("lid-m", LidM).Bytes("xid", Xid).Str("status", Status.ToString())
        .BytesList("auth-res", RecordedAuthRes).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static AuthInqRes Decode(byte[] b) => CanonReader.Decode(b, Kind, r =>
    {
        var lid = r.Str("lid-m"); var xid = r.Bytes("xid", 20);
        var status = GatewayStatuses.Parse(r.Str("status"), Kind);
        var res = r.BytesList("auth-res");
        if ((status is GatewayStatus.Authorized or GatewayStatus.Declined) != (res.Count == 1) || res.Count > 1)
            throw new SetException(SetErrorCode.Malformed, "AuthInqRes: a recorded AuthRes comes with Authorized or Declined, and only then");
        return new AuthInqRes(lid, xid, status, res);
    }, m => m.Encode());
}
