using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>PIData = {PIHead, PANData}; H(PIData) is SHA-256 of these canonical bytes (nested parts as their own canonical bytes).</summary>
public sealed record PIData(byte[] PIHeadBytes, byte[] PanDataBytes)
{
    /// <summary>The canonical "msg" tag of this part.</summary>
    public const string Msg = "PIData";

    /// <summary>The canonical bytes H(PIData) is taken over.</summary>
    public byte[] Encode() => new CanonWriter(Msg).Bytes("pi-head", PIHeadBytes).Bytes("pan-data", PanDataBytes).ToBytes();
}
