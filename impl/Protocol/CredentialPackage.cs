using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Protocol;

/// <summary>What travels inside the envelope: the brand certificate chain, its private key and the card account, bound to one order.</summary>
public sealed record CredentialPackage(string Brand, string MerchantId, string LidM, byte[] Nonce, IReadOnlyList<byte[]> Chain, byte[] PrivateKey, string Pan, byte[] PanSecret, byte[] CardSecret, long ExpiryTicks)
{
    private const string Msg = "CredentialPackage";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Msg).Str("brand", Brand).Str("merchant", MerchantId).Str("lid-m", LidM).Bytes("nonce", Nonce)
        .BytesList("chain", Chain).Bytes("key", PrivateKey).Str("pan", Pan).Bytes("pan-secret", PanSecret).Bytes("card-secret", CardSecret)
        .Long("expiry", ExpiryTicks).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static CredentialPackage Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new CredentialPackage(r.Str("brand"), r.Str("merchant"),
        r.Str("lid-m"), r.Bytes("nonce"), r.BytesList("chain"), r.Bytes("key"), r.Str("pan"), r.Bytes("pan-secret"), r.Bytes("card-secret"), r.Long("expiry")), x => x.Encode());
}
