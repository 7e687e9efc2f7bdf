using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>PANData {PAN, PANSecret, EXNonce}: the card number; only the wallet and the gateway ever see it.</summary>
public sealed record PanData(string Pan, byte[] PanSecret, byte[] ExNonce)
{
    /// <summary>The canonical "msg" tag of this part.</summary>
    public const string Msg = "PANData";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Msg).Str("pan", Pan).Bytes("pan-secret", PanSecret).Bytes("ex-nonce", ExNonce).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static PanData Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new PanData(r.Str("pan"), r.Bytes("pan-secret", 20), r.Bytes("ex-nonce", 20)), m => m.Encode());
}
