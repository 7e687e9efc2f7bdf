using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>
/// Step 5: the authorization result. On the wire: CMS envelope (merchant key exchange) of "Signed/AuthRes" (gateway).
/// </summary>
public sealed record AuthRes(string LidM, byte[] Xid, long Amount, bool Approved, string AuthCode)
{
    /// <summary>The network kind of this message, also its canonical "msg" tag.</summary>
    public const string Kind = "AuthRes";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Kind).Str("lid-m", LidM).Bytes("xid", Xid).Long("amount", Amount)
        .Str("result", Approved ? "Approved" : "Declined").Str("auth-code", AuthCode).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static AuthRes Decode(byte[] b) => CanonReader.Decode(b, Kind, r =>
    {
        var lid = r.Str("lid-m"); var xid = r.Bytes("xid", 20); var amount = r.Long("amount");
        var result = r.Str("result");
        if (result is not ("Approved" or "Declined")) throw new SetException(SetErrorCode.Malformed, "AuthRes: field result must be Approved or Declined");
        return new AuthRes(lid, xid, amount, result == "Approved", r.Str("auth-code", allowEmpty: true));
    }, m => m.Encode());
}
