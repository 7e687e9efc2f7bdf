using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>
/// Authorization reversal, merchant → gateway, for a purchase abandoned after (possibly) being authorized: the
/// gateway reverses an authorization it holds for the XID, or voids the XID when it holds none, so no later
/// AuthReq for it can authorize. On the wire: CMS envelope (gateway key exchange) of "Signed/AuthRevReq" (merchant).
/// </summary>
public sealed record AuthRevReq(string LidM, byte[] Xid, string MerchantId, string Brand, long Amount, IReadOnlyList<byte[]> MerchantKeyExchangeChain)
{
    /// <summary>The network kind of this message, also its canonical "msg" tag.</summary>
    public const string Kind = "AuthRevReq";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Kind).Str("lid-m", LidM).Bytes("xid", Xid).Str("merchant", MerchantId).Str("brand", Brand)
        .Long("amount", Amount).BytesList("merchant-ke-chain", MerchantKeyExchangeChain).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static AuthRevReq Decode(byte[] b) => CanonReader.Decode(b, Kind, r => new AuthRevReq(r.Str("lid-m"), r.Bytes("xid", 20), r.Str("merchant"),
        r.Str("brand"), r.Long("amount"), r.BytesList("merchant-ke-chain")), m => m.Encode());
}
