using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>PIHead {LID-M, XID, HOD, PurchAmt, currency, MerchantID, H(XID, CardSecret), brand}: for the gateway only.</summary>
public sealed record PIHead(string LidM, byte[] Xid, byte[] Hod, long Amount, string Currency, string MerchantId, byte[] HXidCardSecret, string Brand)
{
    /// <summary>The canonical "msg" tag of this part.</summary>
    public const string Msg = "PIHead";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Msg).Str("lid-m", LidM).Bytes("xid", Xid).Bytes("hod", Hod).Long("amount", Amount).Str("currency", Currency)
        .Str("merchant", MerchantId).Bytes("h-xid-cardsecret", HXidCardSecret).Str("brand", Brand).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static PIHead Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new PIHead(r.Str("lid-m"), r.Bytes("xid", 20), r.Bytes("hod", 32),
        r.Long("amount"), r.Str("currency"), r.Str("merchant"), r.Bytes("h-xid-cardsecret", 32), r.Str("brand")), m => m.Encode());
}
