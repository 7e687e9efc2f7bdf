using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>
/// Step 4 payload: AuthReqData + the cardholder's PIDualSigned (baggage the merchant cannot read) + the
/// cardholder chain, and the merchant's key-exchange chain for the reply. On the wire: CMS envelope (gateway key exchange) of "Signed/AuthReq" (merchant).
/// </summary>
public sealed record AuthReqPayload(byte[] AuthReqDataBytes, byte[] PIDualSignedBytes, IReadOnlyList<byte[]> CardholderChain, IReadOnlyList<byte[]> MerchantKeyExchangeChain)
{
    /// <summary>The network kind of this message, also its canonical "msg" tag.</summary>
    public const string Kind = "AuthReq";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Kind).Bytes("auth-req-data", AuthReqDataBytes).Bytes("pi-dual-signed", PIDualSignedBytes)
        .BytesList("chain", CardholderChain).BytesList("merchant-ke-chain", MerchantKeyExchangeChain).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static AuthReqPayload Decode(byte[] b) => CanonReader.Decode(b, Kind, r => new AuthReqPayload(r.Bytes("auth-req-data"), r.Bytes("pi-dual-signed"),
        r.BytesList("chain"), r.BytesList("merchant-ke-chain")), m => m.Encode());
}
