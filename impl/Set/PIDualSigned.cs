using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>PIDualSigned = {dual signature, PI envelope for the gateway}: opaque baggage for the merchant.</summary>
public sealed record PIDualSigned(byte[] DualSignature, byte[] PIEnvelope)
{
    public const string Msg = "PIDualSigned";

    public byte[] Encode() => new CanonWriter(Msg).Bytes("dual-sig", DualSignature).Bytes("pi-env", PIEnvelope).ToBytes();

    public static PIDualSigned Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new PIDualSigned(r.Bytes("dual-sig"), r.Bytes("pi-env")), m => m.Encode());
}
