using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

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
