using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>
/// Step 6, merchant → wallet, signed ("Signed/PRes"): TransIDs, RRPID, Chall-C echoed, completion code.
/// Completion is Authorized, Declined, or OrderReceived (SET's "order received, authorization not yet known":
/// the merchant could not learn the gateway's answer in time; the wallet then inquires).
/// </summary>
public sealed record PRes(string LidC, string LidM, byte[] Xid, byte[] Rrpid, byte[] ChallC, bool Authorized, string AuthCode, bool Pending = false)
{
    /// <summary>The network kind of this message, also its canonical "msg" tag.</summary>
    public const string Kind = "PRes";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Kind).Str("lid-c", LidC).Str("lid-m", LidM).Bytes("xid", Xid).Bytes("rrpid", Rrpid).Bytes("chall-c", ChallC)
        .Str("completion", Pending ? "OrderReceived" : Authorized ? "Authorized" : "Declined").Str("auth-code", AuthCode).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static PRes Decode(byte[] b) => CanonReader.Decode(b, Kind, r =>
    {
        var lidC = r.Str("lid-c"); var lidM = r.Str("lid-m"); var xid = r.Bytes("xid", 20); var rrpid = r.Bytes("rrpid", 20); var challC = r.Bytes("chall-c", 20);
        var c = r.Str("completion");
        if (c is not ("Authorized" or "Declined" or "OrderReceived")) throw new SetException(SetErrorCode.Malformed, "PRes: field completion must be Authorized, Declined or OrderReceived");
        var code = r.Str("auth-code", allowEmpty: true);
        if (c == "OrderReceived" && code.Length != 0) throw new SetException(SetErrorCode.Malformed, "PRes: OrderReceived carries no auth code");
        return new PRes(lidC, lidM, xid, rrpid, challC, c == "Authorized", code, c == "OrderReceived");
    }, m => m.Encode());
}
