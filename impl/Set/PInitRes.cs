using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>
/// Step 2, merchant → wallet, signed by the merchant (sent as <see cref="SignedMessage"/> "Signed/PInitRes"):
/// TransIDs {LID-C, LID-M, XID, date}, RRPID, Chall-C echoed, Chall-M, and the gateway's key-exchange
/// certificate thumbprint with its chain attached (this implementation always attaches it).
/// </summary>
public sealed record PInitRes(string LidC, string LidM, byte[] Xid, string Date, byte[] Rrpid, byte[] ChallC, byte[] ChallM, string GatewayThumbprint, IReadOnlyList<byte[]> GatewayChain)
{
    /// <summary>The network kind of this message, also its canonical "msg" tag.</summary>
    public const string Kind = "PInitRes";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Kind).Str("lid-c", LidC).Str("lid-m", LidM).Bytes("xid", Xid).Str("date", Date).Bytes("rrpid", Rrpid)
        .Bytes("chall-c", ChallC).Bytes("chall-m", ChallM).Str("gw-thumb", GatewayThumbprint).BytesList("gw-chain", GatewayChain).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static PInitRes Decode(byte[] b) => CanonReader.Decode(b, Kind, r => new PInitRes(r.Str("lid-c"), r.Str("lid-m"), r.Bytes("xid", 20), r.Str("date"),
        r.Bytes("rrpid", 20), r.Bytes("chall-c", 20), r.Bytes("chall-m", 20), r.Str("gw-thumb"), r.BytesList("gw-chain")), m => m.Encode());
}
