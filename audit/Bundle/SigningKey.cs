using System.Security.Cryptography;

namespace MultiWallet.Audit.Bundle;

/// <summary>
/// The key that signs a bundle: ECDSA (any curve .NET supports; P-256 when generated) or RSA, from a PEM private key.
/// ECDSA signs SHA-256 with a DER signature and RSA PKCS#1 v1.5 with SHA-256, the forms <c>openssl dgst -sha256 -verify</c> takes.
/// </summary>
public sealed class SigningKey : IDisposable
{
    private readonly AsymmetricAlgorithm key;

    private SigningKey(AsymmetricAlgorithm key, bool generated)
    {
        this.key = key;
        Generated = generated;
    }

    /// <summary>Whether the key was generated for this run (it proves integrity, not identity).</summary>
    public bool Generated { get; }

    /// <summary>A fresh ECDSA P-256 key.</summary>
    public static SigningKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256), generated: true);

    /// <summary>The private key in <paramref name="pem"/> (PKCS#8, SEC1 EC or PKCS#1 RSA); a typed error when it holds none.</summary>
    public static SigningKey FromPem(string pem)
    {
        if (pem.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal))
            throw new BundleKeyException("the key is encrypted; give an unencrypted PEM private key (ECDSA or RSA)");
        foreach (var make in new Func<AsymmetricAlgorithm>[] { ECDsa.Create, RSA.Create })
        {
            var k = make();
            try
            {
                if (k is ECDsa ec) ec.ImportFromPem(pem); else ((RSA)k).ImportFromPem(pem);
                // A public key imports too; signing needs the private half.
                if (k is ECDsa e) _ = e.ExportParameters(true).D ?? throw new CryptographicException("no private key");
                else _ = ((RSA)k).ExportParameters(true).D ?? throw new CryptographicException("no private key");
                return new SigningKey(k, generated: false);
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                k.Dispose();
            }
        }
        throw new BundleKeyException("no ECDSA or RSA private key in the PEM file");
    }

    /// <summary>The public half as PEM (SubjectPublicKeyInfo).</summary>
    public string PublicPem => key.ExportSubjectPublicKeyInfoPem();

    /// <summary>SHA-256 (hex) of the SubjectPublicKeyInfo.</summary>
    public string KeyId => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));

    /// <summary>"ECDSA P-256", "RSA 3072", ...</summary>
    public string Description => key switch
    {
        ECDsa ec => $"ECDSA {ec.KeySize}-bit",
        RSA rsa => $"RSA {rsa.KeySize}",
        _ => key.GetType().Name,
    };

    /// <summary>Signs <paramref name="data"/> (SHA-256).</summary>
    public byte[] Sign(byte[] data) => key switch
    {
        ECDsa ec => ec.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence),
        RSA rsa => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        _ => throw new InvalidOperationException("unsupported key"),
    };

    /// <inheritdoc/>
    public void Dispose() => key.Dispose();
}
