using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Protocol;

/// <summary>The signed content of a custody request.</summary>
public sealed record CustodyRequest(string Requester, string Brand, string MerchantId, string LidM, long Amount, string Currency, byte[] Nonce, IReadOnlyList<byte[]> RequesterKeyExchangeChain)
{
    private const string Msg = "CustodyRequest";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Msg).Str("requester", Requester).Str("brand", Brand).Str("merchant", MerchantId).Str("lid-m", LidM)
        .Long("amount", Amount).Str("currency", Currency).Bytes("nonce", Nonce).BytesList("ke-chain", RequesterKeyExchangeChain).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static CustodyRequest Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new CustodyRequest(r.Str("requester"), r.Str("brand"),
        r.Str("merchant"), r.Str("lid-m"), r.Long("amount"), r.Str("currency"), r.Bytes("nonce"), r.BytesList("ke-chain")), x => x.Encode());

    /// <summary>The order the release is bound to.</summary>
    public (string, string) Order => (MerchantId, LidM);
}
