using System.Security.Cryptography;

namespace MultiWallet.Audit.Bundle;

/// <summary>The public key a bundle is verified with (PEM SubjectPublicKeyInfo, ECDSA or RSA).</summary>
public sealed class PublicKey : IDisposable
{
    private readonly AsymmetricAlgorithm key;

    private PublicKey(AsymmetricAlgorithm key) => this.key = key;

    /// <summary>The public key in <paramref name="pem"/>; a typed error when it holds none.</summary>
    public static PublicKey FromPem(string pem)
    {
        foreach (var make in new Func<AsymmetricAlgorithm>[] { ECDsa.Create, RSA.Create })
        {
            var k = make();
            try
            {
                if (k is ECDsa ec) ec.ImportFromPem(pem); else ((RSA)k).ImportFromPem(pem);
                return new PublicKey(k);
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                k.Dispose();
            }
        }
        throw new BundleKeyException("no ECDSA or RSA public key in the PEM file");
    }

    /// <summary>SHA-256 (hex) of the SubjectPublicKeyInfo, as the envelope's keyid names it.</summary>
    public string KeyId => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));

    /// <summary>Whether <paramref name="signature"/> signs <paramref name="data"/> (SHA-256; ECDSA DER, RSA PKCS#1 v1.5).</summary>
    public bool Verify(byte[] data, byte[] signature)
    {
        try
        {
            return key switch
            {
                ECDsa ec => ec.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence),
                RSA rsa => rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                _ => false,
            };
        }
        catch (CryptographicException) { return false; }
    }

    /// <inheritdoc/>
    public void Dispose() => key.Dispose();
}
