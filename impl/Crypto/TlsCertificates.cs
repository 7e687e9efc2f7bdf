using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace MultiWallet.Impl.Crypto;

/// <summary>
/// The TLS PKI of one world: a TLS root of its own (apart from the SET root: a transport certificate never signs a
/// payment, and a SET certificate never authenticates a connection) and, under it, one certificate per party that
/// names the party by its address in the CN and serves as both its server and its client certificate (EKU serverAuth
/// and clientAuth; SAN 127.0.0.1 and localhost, so standard host-name checks on loopback accept it too). ECDSA P-256,
/// valid 2000–2049 so the wall clock any TLS stack checks it on lies inside. Every key and serial draws from the stream
/// the world gives for its label: seeded streams make a reproducible (and therefore not secret) TLS PKI, the OS
/// generator a secret one.
/// </summary>
public sealed class TlsCertificates
{
    private static readonly DateTime NotBefore = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime NotAfter = new(2049, 12, 31, 0, 0, 0, DateTimeKind.Utc);
    private static readonly X509Name RootName = new("CN=MultiWallet TLS Root, O=MultiWallet Test PKI");

    private readonly Func<string, SecureRandom> streams;
    private readonly Lazy<(AsymmetricCipherKeyPair Key, BcCertificate Cert)> root;

    /// <summary>A TLS PKI whose every key and serial draws from <paramref name="streams"/>, one stream per label.</summary>
    public TlsCertificates(Func<string, SecureRandom> streams)
    {
        this.streams = streams;
        root = new(() =>
        {
            var key = CertificateIssuer.NewEcKey(streams("tls/key/root"));
            return (key, Issue(RootName, key.Public, RootName, key.Private, ca: true, null, streams("tls/pki/root")));
        });
    }

    /// <summary>The root certificate (public part), the only TLS trust anchor of the world's parties.</summary>
    public X509Certificate2 Root => X509CertificateLoader.LoadCertificate(root.Value.Cert.GetEncoded());

    /// <summary>The root as PEM, for a client outside the world (<c>check --attach</c>, curl, openssl) to trust.</summary>
    public string RootPem => Pem.Certificate(root.Value.Cert);

    /// <summary>A fresh certificate naming <paramref name="party"/>, with its private key, under the root.</summary>
    public X509Certificate2 Issue(Address party)
    {
        var key = CertificateIssuer.NewEcKey(streams($"tls/key/{party.Value}"));
        var cert = Issue(new X509Name([X509Name.CN, X509Name.O], [party.Value, "MultiWallet Test PKI"]), key.Public,
            RootName, root.Value.Key.Private, ca: false, party, streams($"tls/pki/{party.Value}"));
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(PrivateKeyInfoFactory.CreatePrivateKeyInfo(key.Private).GetEncoded(), out _);
        using var pub = X509CertificateLoader.LoadCertificate(cert.GetEncoded());
        using var withKey = pub.CopyWithPrivateKey(ecdsa);
        // Through PKCS#12 so the key is a persisted one, as every TLS stack accepts for a server or client certificate.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>The trust and certificates of an <see cref="HttpNetwork"/> of this world.</summary>
    public HttpTls Trust() => new(Root, Issue);

    private static BcCertificate Issue(X509Name subject, AsymmetricKeyParameter subjectPublic, X509Name issuer, AsymmetricKeyParameter issuerPrivate,
        bool ca, Address? party, SecureRandom rng)
    {
        var g = new X509V3CertificateGenerator();
        g.SetSerialNumber(new BigInteger(1, rng.Bytes(16)));
        g.SetIssuerDN(issuer);
        g.SetSubjectDN(subject);
        g.SetNotBefore(NotBefore);
        g.SetNotAfter(NotAfter);
        g.SetPublicKey(subjectPublic);
        g.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(ca));
        g.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(ca ? KeyUsage.KeyCertSign | KeyUsage.CrlSign : KeyUsage.DigitalSignature));
        if (party is not null)
        {
            g.AddExtension(X509Extensions.ExtendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeID.id_kp_serverAuth, KeyPurposeID.id_kp_clientAuth));
            g.AddExtension(X509Extensions.SubjectAlternativeName, false,
                new GeneralNames([new GeneralName(GeneralName.IPAddress, "127.0.0.1"), new GeneralName(GeneralName.DnsName, "localhost")]));
        }
        return g.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", issuerPrivate, rng));
    }
}
