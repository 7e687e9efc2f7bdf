using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>PIHead {LID-M, XID, HOD, PurchAmt, currency, MerchantID, H(XID, CardSecret), brand}: for the gateway only.</summary>
public sealed record PIHead(string LidM, byte[] Xid, byte[] Hod, long Amount, string Currency, string MerchantId, byte[] HXidCardSecret, string Brand)
{
    public const string Msg = "PIHead";

    public byte[] Encode() => new CanonWriter(Msg).Str("lid-m", LidM).Bytes("xid", Xid).Bytes("hod", Hod).Long("amount", Amount).Str("currency", Currency)
        .Str("merchant", MerchantId).Bytes("h-xid-cardsecret", HXidCardSecret).Str("brand", Brand).ToBytes();

    public static PIHead Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new PIHead(r.Str("lid-m"), r.Bytes("xid", 20), r.Bytes("hod", 32),
        r.Long("amount"), r.Str("currency"), r.Str("merchant"), r.Bytes("h-xid-cardsecret", 32), r.Str("brand")), m => m.Encode());
}

/// <summary>PANData {PAN, PANSecret, EXNonce}: the card number; only the wallet and the gateway ever see it.</summary>
public sealed record PanData(string Pan, byte[] PanSecret, byte[] ExNonce)
{
    public const string Msg = "PANData";

    public byte[] Encode() => new CanonWriter(Msg).Str("pan", Pan).Bytes("pan-secret", PanSecret).Bytes("ex-nonce", ExNonce).ToBytes();

    public static PanData Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new PanData(r.Str("pan"), r.Bytes("pan-secret", 20), r.Bytes("ex-nonce", 20)), m => m.Encode());
}

/// <summary>PIData = {PIHead, PANData}; H(PIData) is SHA-256 of these canonical bytes (nested parts as their own canonical bytes).</summary>
public sealed record PIData(byte[] PIHeadBytes, byte[] PanDataBytes)
{
    public const string Msg = "PIData";

    public byte[] Encode() => new CanonWriter(Msg).Bytes("pi-head", PIHeadBytes).Bytes("pan-data", PanDataBytes).ToBytes();
}

/// <summary>
/// The plaintext inside the PI digital envelope: {PIHead, H(OIData), PANData}. SET puts PANData in the
/// OAEP block and the rest under the symmetric key; with CMS EnvelopedData everything is under the AES key
/// and only the key travels in the RSA-OAEP block (documented deviation; confidentiality is the same).
/// </summary>
public sealed record PIEnvelopeContent(byte[] PIHeadBytes, byte[] HOIData, byte[] PanDataBytes)
{
    public const string Msg = "PIEnvelope";

    public byte[] Encode() => new CanonWriter(Msg).Bytes("pi-head", PIHeadBytes).Bytes("h-oidata", HOIData).Bytes("pan-data", PanDataBytes).ToBytes();

    public static PIEnvelopeContent Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new PIEnvelopeContent(r.Bytes("pi-head"), r.Bytes("h-oidata", 32), r.Bytes("pan-data")), m => m.Encode());
}

/// <summary>PIDualSigned = {dual signature, PI envelope for the gateway}: opaque baggage for the merchant.</summary>
public sealed record PIDualSigned(byte[] DualSignature, byte[] PIEnvelope)
{
    public const string Msg = "PIDualSigned";

    public byte[] Encode() => new CanonWriter(Msg).Bytes("dual-sig", DualSignature).Bytes("pi-env", PIEnvelope).ToBytes();

    public static PIDualSigned Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new PIDualSigned(r.Bytes("dual-sig"), r.Bytes("pi-env")), m => m.Encode());
}
