using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.X509;

namespace MultiWallet.Impl.Crypto;

/// <summary>
/// ECDSA P-256 with SHA-256, DER-encoded (r,s) so CMS and openssl read it.
/// Signing uses BouncyCastle with RFC 6979 deterministic nonces (HMacDsaKCalculator): the same key and
/// message always give the same signature, which keeps traces byte-identical per seed.
/// Verification uses .NET (OpenSSL underneath), chosen by measurement (PurchaseBenchmark, Release, this
/// shared 2-core machine under load 3–5, two runs): .NET 0.097 / 0.388 ms vs BouncyCastle 0.125 / 0.550 ms
/// with a reused key object (BouncyCastle caches its WNAF precomputation on the point, so the gap is ~1.3x
/// here, not the ~12x of TOOLING.md's cold-key figures 0.064 vs 0.80 ms). Either way .NET is not slower,
/// and the verifier object is cached per validated certificate. <see cref="VerifyBc"/> stays for the measurement.
/// Signing stays in BouncyCastle because .NET/OpenSSL ECDSA uses random nonces (no RFC 6979): measured 0.69–0.88 ms.
/// </summary>
public static class EcSignature
{
    /// <summary>Signs SHA-256(<paramref name="data"/>) deterministically (RFC 6979); DER (r,s).</summary>
    public static byte[] Sign(ECPrivateKeyParameters key, ReadOnlySpan<byte> data)
    {
        CryptoCounters.Sign();
        var hash = SHA256.HashData(data);
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, key);
        var rs = signer.GenerateSignature(hash);
        return new DerSequence(new DerInteger(rs[0]), new DerInteger(rs[1])).GetEncoded(Asn1Encodable.Der);
    }

    /// <summary>A reusable .NET verifier for a certificate's public key (build once per certificate, cache it).</summary>
    public static ECDsa DotNetVerifier(X509Certificate cert)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(cert.CertificateStructure.SubjectPublicKeyInfo.GetEncoded(), out _);
        return ecdsa;
    }

    /// <summary>True when <paramref name="derSignature"/> is a valid signature of <paramref name="data"/>; malformed signatures are false.</summary>
    public static bool Verify(ECDsa verifier, ReadOnlySpan<byte> data, ReadOnlySpan<byte> derSignature)
    {
        CryptoCounters.Verify();
        try { return verifier.VerifyData(data, derSignature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence); }
        catch (CryptographicException) { return false; }
    }

    /// <summary>BouncyCastle verification, kept to measure against the .NET path.</summary>
    public static bool VerifyBc(ECPublicKeyParameters pub, ReadOnlySpan<byte> data, byte[] derSignature)
    {
        try
        {
            var seq = Asn1Sequence.GetInstance(derSignature);
            var r = DerInteger.GetInstance(seq[0]).Value;
            var s = DerInteger.GetInstance(seq[1]).Value;
            var signer = new ECDsaSigner();
            signer.Init(false, pub);
            return signer.VerifySignature(SHA256.HashData(data), r, s);
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException) { return false; }
    }
}
