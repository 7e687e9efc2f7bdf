using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>
/// The plaintext inside the PI digital envelope: {PIHead, H(OIData), PANData}. SET puts PANData in the
/// OAEP block and the rest under the symmetric key; with CMS EnvelopedData everything is under the AES key
/// and only the key travels in the RSA-OAEP block (documented deviation; confidentiality is the same).
/// </summary>
public sealed record PIEnvelopeContent(byte[] PIHeadBytes, byte[] HOIData, byte[] PanDataBytes)
{
    /// <summary>The canonical "msg" tag of this part.</summary>
    public const string Msg = "PIEnvelope";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Msg).Bytes("pi-head", PIHeadBytes).Bytes("h-oidata", HOIData).Bytes("pan-data", PanDataBytes).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static PIEnvelopeContent Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new PIEnvelopeContent(r.Bytes("pi-head"), r.Bytes("h-oidata", 32), r.Bytes("pan-data")), m => m.Encode());
}
