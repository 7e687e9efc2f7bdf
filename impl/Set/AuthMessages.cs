using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>
/// AuthReqData: what the merchant asks the gateway to authorize, with the hashes it computed itself
/// (H(OIData), HOD) so the gateway can compare them with the cardholder's PI.
/// </summary>
public sealed record AuthReqData(string LidM, byte[] Xid, long Amount, string Currency, string MerchantId, string Brand, byte[] HOIData, byte[] Hod)
{
    public const string Msg = "AuthReqData";

    public byte[] Encode() => new CanonWriter(Msg).Str("lid-m", LidM).Bytes("xid", Xid).Long("amount", Amount).Str("currency", Currency)
        .Str("merchant", MerchantId).Str("brand", Brand).Bytes("h-oidata", HOIData).Bytes("hod", Hod).ToBytes();

    public static AuthReqData Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new AuthReqData(r.Str("lid-m"), r.Bytes("xid", 20), r.Long("amount"),
        r.Str("currency"), r.Str("merchant"), r.Str("brand"), r.Bytes("h-oidata", 32), r.Bytes("hod", 32)), m => m.Encode());
}

/// <summary>
/// Step 4 payload: AuthReqData + the cardholder's PIDualSigned (baggage the merchant cannot read) + the
/// cardholder chain, and the merchant's key-exchange chain for the reply. On the wire: CMS envelope (gateway key exchange) of "Signed/AuthReq" (merchant).
/// </summary>
public sealed record AuthReqPayload(byte[] AuthReqDataBytes, byte[] PIDualSignedBytes, IReadOnlyList<byte[]> CardholderChain, IReadOnlyList<byte[]> MerchantKeyExchangeChain)
{
    public const string Kind = "AuthReq";

    public byte[] Encode() => new CanonWriter(Kind).Bytes("auth-req-data", AuthReqDataBytes).Bytes("pi-dual-signed", PIDualSignedBytes)
        .BytesList("chain", CardholderChain).BytesList("merchant-ke-chain", MerchantKeyExchangeChain).ToBytes();

    public static AuthReqPayload Decode(byte[] b) => CanonReader.Decode(b, Kind, r => new AuthReqPayload(r.Bytes("auth-req-data"), r.Bytes("pi-dual-signed"),
        r.BytesList("chain"), r.BytesList("merchant-ke-chain")), m => m.Encode());
}

/// <summary>
/// Step 5: the authorization result. On the wire: CMS envelope (merchant key exchange) of "Signed/AuthRes" (gateway).
/// </summary>
public sealed record AuthRes(string LidM, byte[] Xid, long Amount, bool Approved, string AuthCode)
{
    public const string Kind = "AuthRes";

    public byte[] Encode() => new CanonWriter(Kind).Str("lid-m", LidM).Bytes("xid", Xid).Long("amount", Amount)
        .Str("result", Approved ? "Approved" : "Declined").Str("auth-code", AuthCode).ToBytes();

    public static AuthRes Decode(byte[] b) => CanonReader.Decode(b, Kind, r =>
    {
        var lid = r.Str("lid-m"); var xid = r.Bytes("xid", 20); var amount = r.Long("amount");
        var result = r.Str("result");
        if (result is not ("Approved" or "Declined")) throw new SetException(SetErrorCode.Malformed, "AuthRes: field result must be Approved or Declined");
        return new AuthRes(lid, xid, amount, result == "Approved", r.Str("auth-code", allowEmpty: true));
    }, m => m.Encode());
}
