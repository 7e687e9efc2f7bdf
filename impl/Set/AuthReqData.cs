using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>
/// AuthReqData: what the merchant asks the gateway to authorize, with the hashes it computed itself
/// (H(OIData), HOD) so the gateway can compare them with the cardholder's PI.
/// </summary>
public sealed record AuthReqData(string LidM, byte[] Xid, long Amount, string Currency, string MerchantId, string Brand, byte[] HOIData, byte[] Hod)
{
    /// <summary>The canonical "msg" tag of this part.</summary>
    public const string Msg = "AuthReqData";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Msg).Str("lid-m", LidM).Bytes("xid", Xid).Long("amount", Amount).Str("currency", Currency)
        .Str("merchant", MerchantId).Str("brand", Brand).Bytes("h-oidata", HOIData).Bytes("hod", Hod).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static AuthReqData Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new AuthReqData(r.Str("lid-m"), r.Bytes("xid", 20), r.Long("amount"),
        r.Str("currency"), r.Str("merchant"), r.Str("brand"), r.Bytes("h-oidata", 32), r.Bytes("hod", 32)), m => m.Encode());
}
