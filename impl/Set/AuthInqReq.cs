using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>
/// Authorization inquiry, merchant → gateway: "what did you record for this XID?". On the wire: CMS envelope
/// (gateway key exchange) of "Signed/AuthInqReq" (merchant), carrying the merchant's key-exchange chain for the reply.
/// </summary>
public sealed record AuthInqReq(string LidM, byte[] Xid, string MerchantId, string Brand, IReadOnlyList<byte[]> MerchantKeyExchangeChain)
{
    /// <summary>The network kind of this message, also its canonical "msg" tag.</summary>
    public const string Kind = "AuthInqReq";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Kind).Str("lid-m", LidM).Bytes("xid", Xid).Str("merchant", MerchantId).Str("brand", Brand)
        .BytesList("merchant-ke-chain", MerchantKeyExchangeChain).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static AuthInqReq Decode(byte[] b) => CanonReader.Decode(b, Kind, r => new AuthInqReq(r.Str("lid-m"), r.Bytes("xid", 20), r.Str("merchant"),
        r.Str("brand"), r.BytesList("merchant-ke-chain")), m => m.Encode());
}
