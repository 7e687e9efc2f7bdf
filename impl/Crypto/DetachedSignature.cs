using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;

namespace MultiWallet.Impl.Crypto;

/// <summary>
/// Wraps an existing ECDSA/SHA-256 signature (e.g. the dual signature of a PReq) as a detached CMS
/// SignedData without signed attributes, so the signature value inside is exactly the one the merchant
/// and gateway checked, and `openssl cms -verify -binary -content data.bin` can check it independently.
/// </summary>
public static class DetachedSignature
{
    /// <summary>The CMS SignedData (DER) carrying <paramref name="derSignature"/> and the signer's chain.</summary>
    public static byte[] ToCms(byte[] derSignature, CertChain signer)
    {
        var leaf = signer.Leaf;
        var sha256 = new AlgorithmIdentifier(NistObjectIdentifiers.IdSha256);
        var sid = new SignerIdentifier(new IssuerAndSerialNumber(leaf.IssuerDN, leaf.SerialNumber));
        var si = new SignerInfo(sid, sha256, (Asn1Set?)null, new AlgorithmIdentifier(X9ObjectIdentifiers.ECDsaWithSha256),
            new DerOctetString(derSignature), (Asn1Set?)null);
        var certs = new DerSet(signer.Certs.Select(c => (Asn1Encodable)c.CertificateStructure).ToArray());
        var sd = new SignedData(new DerSet(sha256), new ContentInfo(CmsObjectIdentifiers.Data, null), certs, null, new DerSet(si));
        return new ContentInfo(CmsObjectIdentifiers.SignedData, sd).GetEncoded(Asn1Encodable.Der);
    }
}
