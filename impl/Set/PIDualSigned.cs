using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>PIDualSigned = {dual signature, PI envelope for the gateway}: opaque baggage for the merchant.</summary>
public sealed record PIDualSigned(byte[] DualSignature, byte[] PIEnvelope)
{
    /// <summary>The canonical "msg" tag of this part.</summary>
    public const string Msg = "PIDualSigned";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Msg).Bytes("dual-sig", DualSignature).Bytes("pi-env", PIEnvelope).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static PIDualSigned Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new PIDualSigned(r.Bytes("dual-sig"), r.Bytes("pi-env")), m => m.Encode());
}
