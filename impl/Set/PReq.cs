using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>
/// Step 3, wallet → merchant: PIDualSigned (opaque to the merchant) + OIDualSigned {OIData, H(PIData)},
/// the RRPID and the cardholder's certificate chain. The dual signature lives in PIDualSigned.
/// </summary>
public sealed record PReq(byte[] Rrpid, byte[] PIDualSignedBytes, byte[] OIDataBytes, byte[] HPIData, IReadOnlyList<byte[]> CardholderChain)
{
    /// <summary>The network kind of this message, also its canonical "msg" tag.</summary>
    public const string Kind = "PReq";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Kind).Bytes("rrpid", Rrpid).Bytes("pi-dual-signed", PIDualSignedBytes).Bytes("oidata", OIDataBytes)
        .Bytes("h-pidata", HPIData).BytesList("chain", CardholderChain).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static PReq Decode(byte[] b) => CanonReader.Decode(b, Kind, r => new PReq(r.Bytes("rrpid", 20), r.Bytes("pi-dual-signed"), r.Bytes("oidata"),
        r.Bytes("h-pidata", 32), r.BytesList("chain")), m => m.Encode());
}
