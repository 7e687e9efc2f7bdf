using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace MultiWallet.Impl.Crypto;

/// <summary>
/// X.509 v3 issuance with BouncyCastle. All CAs sign with ECDSA P-256/SHA-256. Every certificate has
/// BasicConstraints and KeyUsage (critical) so openssl accepts the chain; branded certificates carry
/// the brand OID (2.23.42.8.x) as a certificate policy and the brand in the subject's O.
/// </summary>
public static class CertificateIssuer
{
    /// <summary>A fresh ECDSA P-256 key pair from the given stream.</summary>
    public static AsymmetricCipherKeyPair NewEcKey(SecureRandom rng)
    {
        var gen = new ECKeyPairGenerator();
        gen.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP256r1, rng));
        return gen.GenerateKeyPair();
    }

    /// <summary>RSA-2048: ~0.4 s in BouncyCastle, so only merchant/gateway/server key-exchange keys use it.</summary>
    public static AsymmetricCipherKeyPair NewRsaKey(SecureRandom rng)
    {
        var gen = new RsaKeyPairGenerator();
        gen.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(65537), rng, 2048, 80));
        return gen.GenerateKeyPair();
    }

    /// <summary>The subject name: CN, the role as OU, and the brand (or the test PKI) as O.</summary>
    public static X509Name Subject(CertRole role, string commonName, string? brand) =>
        new(brand is null
            ? $"CN={commonName}, OU={role}, O=MultiWallet Test PKI"
            : $"CN={commonName}, OU={role}, O={brand} {Brands.Get(brand).RealName}");

    /// <summary>Issues one X.509 v3 certificate with the constraints, key usage and brand policy of its role.</summary>
    public static X509Certificate Issue(
        CertRole role, X509Name subject, AsymmetricKeyParameter subjectPublic,
        X509Name issuer, AsymmetricKeyParameter issuerPrivate,
        DateTime notBefore, DateTime notAfter, string? brand, SecureRandom rng)
    {
        var g = new X509V3CertificateGenerator();
        g.SetSerialNumber(new BigInteger(1, rng.Bytes(16)));
        g.SetIssuerDN(issuer);
        g.SetSubjectDN(subject);
        g.SetNotBefore(notBefore);
        g.SetNotAfter(notAfter);
        g.SetPublicKey(subjectPublic);
        var ca = CertRoles.IsCa(role);
        g.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(ca));
        var usage = ca ? KeyUsage.KeyCertSign | KeyUsage.CrlSign
            : CertRoles.IsKeyExchange(role) ? KeyUsage.KeyEncipherment
            : KeyUsage.DigitalSignature;
        g.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(usage));
        if (brand is not null)
            g.AddExtension(X509Extensions.CertificatePolicies, false,
                new CertificatePolicies(new PolicyInformation(new DerObjectIdentifier(Brands.Get(brand).Oid))));
        return g.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", issuerPrivate, rng));
    }

    /// <summary>The role written in the subject's OU, or null if absent/unknown.</summary>
    public static CertRole? RoleOf(X509Certificate c)
    {
        var ou = c.SubjectDN.GetValueList(X509Name.OU);
        return ou.Count == 1 && Enum.TryParse<CertRole>(ou[0], out var r) ? r : null;
    }

    /// <summary>The brand named by the certificate-policy OID, or null if the certificate carries none.</summary>
    public static string? BrandOf(X509Certificate c)
    {
        var ext = c.GetExtensionValue(X509Extensions.CertificatePolicies);
        if (ext is null) return null;
        var policies = CertificatePolicies.GetInstance(Asn1Object.FromByteArray(ext.GetOctets()));
        var names = policies.GetPolicyInformation().Select(p => Brands.ByOid(p.PolicyIdentifier.Id)?.Name).Distinct().ToList();
        return names.Count == 1 ? names[0] : null;
    }
}
