using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>Step 6, merchant → wallet, signed ("Signed/PRes"): TransIDs, RRPID, Chall-C echoed, completion code.</summary>
public sealed record PRes(string LidC, string LidM, byte[] Xid, byte[] Rrpid, byte[] ChallC, bool Authorized, string AuthCode)
{
    /// <summary>The network kind of this message, also its canonical "msg" tag.</summary>
    public const string Kind = "PRes";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Kind).Str("lid-c", LidC).Str("lid-m", LidM).Bytes("xid", Xid).Bytes("rrpid", Rrpid).Bytes("chall-c", ChallC)
        .Str("completion", Authorized ? "Authorized" : "Declined").Str("auth-code", AuthCode).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static PRes Decode(byte[] b) => CanonReader.Decode(b, Kind, r =>
    {
        var lidC = r.Str("lid-c"); var lidM = r.Str("lid-m"); var xid = r.Bytes("xid", 20); var rrpid = r.Bytes("rrpid", 20); var challC = r.Bytes("chall-c", 20);
        var c = r.Str("completion");
        if (c is not ("Authorized" or "Declined")) throw new SetException(SetErrorCode.Malformed, "PRes: field completion must be Authorized or Declined");
        return new PRes(lidC, lidM, xid, rrpid, challC, c == "Authorized", r.Str("auth-code", allowEmpty: true));
    }, m => m.Encode());
}
