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

    public X509Certificate Cert { get; }
    public CertRole Role { get; }
    public string? Brand { get; }
    public string Thumbprint { get; }
    /// <summary>Intersection of the validity periods of the whole chain (root included).</summary>
    public DateTime ValidFrom { get; }
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
