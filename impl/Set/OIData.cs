using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>
/// Order information, for the merchant: {LID-M, XID, RRPID, Chall-C, HOD, Chall-M} plus ODSalt (so the merchant
/// can recompute HOD from its own order description and amount) and the BrandID. The RRPID is the one the wallet
/// chose in PInitReq: inside OIData the dual signature covers it, so the merchant can check the PReq belongs to the
/// initiation it answered and the PRes can echo it (docs/DECISIONS.md, "Envelopes, failures and bindings").
/// </summary>
public sealed record OIData(string LidM, byte[] Xid, byte[] Rrpid, byte[] ChallC, byte[] Hod, byte[] ChallM, byte[] OdSalt, string Brand)
{
    /// <summary>The canonical "msg" tag of this part.</summary>
    public const string Msg = "OIData";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Msg).Str("lid-m", LidM).Bytes("xid", Xid).Bytes("rrpid", Rrpid).Bytes("chall-c", ChallC).Bytes("hod", Hod)
        .Bytes("chall-m", ChallM).Bytes("od-salt", OdSalt).Str("brand", Brand).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static OIData Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new OIData(r.Str("lid-m"), r.Bytes("xid", 20), r.Bytes("rrpid", 20), r.Bytes("chall-c", 20),
        r.Bytes("hod", 32), r.Bytes("chall-m", 20), r.Bytes("od-salt", 20), r.Str("brand")), m => m.Encode());
}
