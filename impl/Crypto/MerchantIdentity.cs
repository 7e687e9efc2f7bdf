using MultiWallet.Impl.Codec;
using Org.BouncyCastle.Asn1.X509;

namespace MultiWallet.Impl.Crypto;

/// <summary>
/// How a certificate names its merchant: a merchant certificate (signature or key exchange), issued by the brand's
/// Merchant CA, carries the merchant id as its subject CN. A receiver that reads a merchant id in a message binds it to
/// the certificate that signed the message with <see cref="Require"/>: a merchant cannot sign for another merchant's orders.
/// </summary>
public static class MerchantIdentity
{
    /// <summary>The merchant id a validated merchant certificate names, or null for any other role.</summary>
    public static string? Of(ValidatedCert cert) =>
        cert.Role is CertRole.MerchantSignature or CertRole.MerchantKeyExchange && cert.Cert.SubjectDN.GetValueList(X509Name.CN) is [var cn] ? cn : null;

    /// <summary>Throws a typed Mismatch unless <paramref name="cert"/> is a merchant certificate naming <paramref name="merchantId"/>.</summary>
    public static void Require(ValidatedCert cert, string merchantId, string what, string where)
    {
        if (Of(cert) is not { } named || !string.Equals(named, merchantId, StringComparison.Ordinal))
            throw new SetException(SetErrorCode.Mismatch, $"{what} certificate names merchant {Of(cert) ?? "none"}, not {merchantId} at {where}");
    }
}
