using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>
/// Step 1, wallet → merchant, unsigned: RRPID, LID-C, LID-M copied from the wake-up (with the merchant id,
/// since an order is (merchant, LID-M)), the wallet's 20-byte challenge Chall-C, the BrandID, and the
/// thumbprints of certificates the wallet already holds.
/// </summary>
public sealed record PInitReq(byte[] Rrpid, string LidC, string LidM, string MerchantId, byte[] ChallC, string Brand, IReadOnlyList<string> Thumbprints)
{
    /// <summary>The network kind of this message, also its canonical "msg" tag.</summary>
    public const string Kind = "PInitReq";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Kind).Bytes("rrpid", Rrpid).Str("lid-c", LidC).Str("lid-m", LidM).Str("merchant", MerchantId)
        .Bytes("chall-c", ChallC).Str("brand", Brand).StrList("thumbs", Thumbprints).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static PInitReq Decode(byte[] b) => CanonReader.Decode(b, Kind, r => new PInitReq(r.Bytes("rrpid", 20), r.Str("lid-c"), r.Str("lid-m"),
        r.Str("merchant"), r.Bytes("chall-c", 20), r.Str("brand"), r.StrList("thumbs")), m => m.Encode());
}
