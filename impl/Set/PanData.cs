using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>PANData {PAN, PANSecret, EXNonce}: the card number; only the wallet and the gateway ever see it.</summary>
public sealed record PanData(string Pan, byte[] PanSecret, byte[] ExNonce)
{
    public const string Msg = "PANData";

    public byte[] Encode() => new CanonWriter(Msg).Str("pan", Pan).Bytes("pan-secret", PanSecret).Bytes("ex-nonce", ExNonce).ToBytes();

    public static PanData Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new PanData(r.Str("pan"), r.Bytes("pan-secret", 20), r.Bytes("ex-nonce", 20)), m => m.Encode());
}
