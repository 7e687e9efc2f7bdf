using System.Security.Cryptography;
using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace MultiWallet.Impl.Set;

/// <summary>
/// SET's dual signature: Sign_cardholder(H(PIData) ‖ H(OIData)) with ECDSA P-256/SHA-256 over the 64
/// "dual-hash" bytes. The merchant checks it from OIData and H(PIData); the gateway from PIData and
/// H(OIData) taken from inside the PI. H = SHA-256 over canonical bytes.
/// </summary>
public static class DualSignature
{
    /// <summary>SHA-256.</summary>
    public static byte[] H(ReadOnlySpan<byte> b) => SHA256.HashData(b);

    /// <summary>HOD = H(ODSalt, OrderDesc, PurchAmt) — salted as in the real SET spec, canonical encoding.</summary>
    public static byte[] Hod(byte[] odSalt, string orderDesc, long amount, string currency) =>
        H(new CanonWriter("HOD").Bytes("od-salt", odSalt).Str("desc", orderDesc).Long("amount", amount).Str("currency", currency).ToBytes());

    /// <summary>H(XID, CardSecret) for the PIHead.</summary>
    public static byte[] HXidCardSecret(byte[] xid, byte[] cardSecret) => H([.. xid, .. cardSecret]);

    /// <summary>The 64 signed bytes: H(PIData) ‖ H(OIData). Exported as content for openssl.</summary>
    public static byte[] DualHash(byte[] hPIData, byte[] hOIData) => [.. hPIData, .. hOIData];

    /// <summary>The cardholder's dual signature over H(PIData) ‖ H(OIData).</summary>
    public static byte[] Sign(ECPrivateKeyParameters key, byte[] hPIData, byte[] hOIData) => EcSignature.Sign(key, DualHash(hPIData, hOIData));

    /// <summary>True when the dual signature verifies with the cardholder's certificate.</summary>
    public static bool Verify(ValidatedCert cardholder, byte[] hPIData, byte[] hOIData, byte[] sig) =>
        cardholder.VerifySignature(DualHash(hPIData, hOIData), sig);
}
