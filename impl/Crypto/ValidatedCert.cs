using System.Security.Cryptography;
using Org.BouncyCastle.X509;

namespace MultiWallet.Impl.Crypto;

/// <summary>A certificate whose chain to the root was validated, with a ready verifier for its key.</summary>
public sealed class ValidatedCert
{
    internal ValidatedCert(X509Certificate cert, CertRole role, string? brand, DateTime from, DateTime to)
    {
        Cert = cert; Role = role; Brand = brand; ValidFrom = from; ValidTo = to;
        Thumbprint = Thumbprints.Of(cert);
    }

    /// <summary>The leaf certificate.</summary>
    public X509Certificate Cert { get; }
    /// <summary>The role its subject declares.</summary>
    public CertRole Role { get; }
    /// <summary>The brand it carries, or null for unbranded roles.</summary>
    public string? Brand { get; }
    /// <summary>The SET thumbprint of the leaf.</summary>
    public string Thumbprint { get; }
    /// <summary>Intersection of the validity periods of the whole chain (root included).</summary>
    public DateTime ValidFrom { get; }
    /// <summary>End of that intersection.</summary>
    public DateTime ValidTo { get; }

    private ECDsa? verifier;
    private readonly Lock gate = new();

    /// <summary>Verifies an ECDSA signature by this certificate's key (.NET path; verifier built once).</summary>
    public bool VerifySignature(ReadOnlySpan<byte> data, ReadOnlySpan<byte> sig)
    {
        lock (gate)
        {
            verifier ??= EcSignature.DotNetVerifier(Cert);
            return EcSignature.Verify(verifier, data, sig);
        }
    }
}
