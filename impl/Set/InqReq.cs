using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>
/// Inquiry, wallet → merchant, unsigned (SET allows an unsigned InqReq): the transaction's TransIDs (LID-C,
/// LID-M, merchant, XID), a fresh RRPID and a fresh Chall-C that the signed InqRes must echo, so an answer
/// cannot be replayed from another inquiry or another transaction.
/// </summary>
public sealed record InqReq(byte[] Rrpid, string LidC, string LidM, string MerchantId, byte[] Xid, byte[] ChallC)
{
    /// <summary>The network kind of this message, also its canonical "msg" tag.</summary>
    public const string Kind = "InqReq";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Kind).Bytes("rrpid", Rrpid).Str("lid-c", LidC).Str("lid-m", LidM).Str("merchant", MerchantId)
        .Bytes("xid", Xid).Bytes("chall-c", ChallC).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static InqReq Decode(byte[] b) => CanonReader.Decode(b, Kind, r => new InqReq(r.Bytes("rrpid", 20), r.Str("lid-c"), r.Str("lid-m"),
        r.Str("merchant"), r.Bytes("xid", 20), r.Bytes("chall-c", 20)), m => m.Encode());
}
