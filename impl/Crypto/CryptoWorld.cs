using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Prng;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace MultiWallet.Impl.Crypto;

/// <summary>
/// The whole PKI of one run seed: root, brand CAs, per-brand Cardholder/Merchant/Gateway CAs, merchant and
/// gateway credentials, cardholder credentials per (wallet, brand), server-wallet identities.
/// Built lazily and cached for the process (<see cref="For"/>), never per purchase: key generation
/// (RSA-2048 ~0.4 s, EC ~2 ms in BouncyCastle) would otherwise dominate every test.
/// Every object draws from its own seeded stream named after it, so issuance order does not matter
/// and a seed always yields the same bytes. A <see cref="Fresh"/> world draws every stream from the operating system
/// instead (a served world that must keep its keys secret).
/// </summary>
public sealed class CryptoWorld
{
    private static readonly ConcurrentDictionary<int, CryptoWorld> Worlds = new();

    /// <summary>Certificates are valid from a day before the deterministic epoch.</summary>
    public static readonly DateTime ValidFrom = FixedClock.Epoch.AddDays(-1);
    /// <summary>CA certificates are valid until twenty years after the epoch.</summary>
    public static readonly DateTime CaValidTo = FixedClock.Epoch.AddYears(20);
    /// <summary>Merchant, gateway and server-wallet certificates are valid until five years after the epoch.</summary>
    public static readonly DateTime PartyValidTo = FixedClock.Epoch.AddYears(5);
    /// <summary>A cardholder certificate may not outlive the card: cards expire two years after the epoch.</summary>
    public static readonly DateTime CardExpiry = FixedClock.Epoch.AddYears(2);

    private readonly ConcurrentDictionary<string, Lazy<object>> cache = new();
    private readonly Lazy<(AsymmetricCipherKeyPair Key, X509Certificate Cert)> root;

    private readonly Func<string, SecureRandom> streams;

    /// <summary>The run seed every key and certificate derives from; null for a <see cref="Fresh"/> world, whose keys are secret.</summary>
    public int? Seed { get; }

    private CryptoWorld(int? seed, Func<string, SecureRandom> streams)
    {
        Seed = seed;
        this.streams = streams;
        root = new(() =>
        {
            var key = CertificateIssuer.NewEcKey(streams("key/root"));
            var name = CertificateIssuer.Subject(CertRole.Root, "MultiWallet Root CA", null);
            var cert = CertificateIssuer.Issue(CertRole.Root, name, key.Public, name, key.Private, ValidFrom, CaValidTo, null, streams("pki/root"));
            return (key, cert);
        });
    }

    /// <summary>The PKI of a seed, built once per process.</summary>
    public static CryptoWorld For(int seed) => Worlds.GetOrAdd(seed, s => new CryptoWorld(s, label => SeededRandom.For(s, label)));

    /// <summary>A PKI whose every key and serial comes from the operating system's generator: secret, never cached, never reproduced.</summary>
    public static CryptoWorld Fresh() => new(null, _ => new SecureRandom(new CryptoApiRandomGenerator()));

    /// <summary>The root certificate every party trusts.</summary>
    public X509Certificate Root => root.Value.Cert;

    private T Cached<T>(string key, Func<T> make) where T : class =>
        (T)cache.GetOrAdd(key, _ => new Lazy<object>(() => make(), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private sealed record Ca(AsymmetricCipherKeyPair Key, X509Certificate Cert, IReadOnlyList<X509Certificate> ChainAboveRoot);

    private Ca BrandCa(string brand) => Cached($"ca/{brand}", () => NewCa(CertRole.BrandCa, $"{brand} Brand CA", brand, null));

    private Ca SubCa(CertRole role, string? brand) => Cached($"ca/{role}/{brand}", () =>
        NewCa(role, brand is null ? "Wallet Server CA" : $"{brand} {role}", brand, brand is null ? null : BrandCa(brand)));

    private Ca NewCa(CertRole role, string cn, string? brand, Ca? parent)
    {
        var key = CertificateIssuer.NewEcKey(streams($"key/{role}/{brand}"));
        var issuerName = parent?.Cert.SubjectDN ?? Root.SubjectDN;
        var issuerKey = parent?.Key.Private ?? root.Value.Key.Private;
        var cert = CertificateIssuer.Issue(role, CertificateIssuer.Subject(role, cn, brand), key.Public, issuerName, issuerKey,
            ValidFrom, CaValidTo, brand, streams($"pki/{role}/{brand}"));
        return new Ca(key, cert, parent is null ? [cert] : [cert, .. parent.ChainAboveRoot]);
    }

    private X509Certificate IssueLeaf(CertRole role, string cn, string? brand, AsymmetricKeyParameter pub, DateTime notAfter, string label)
    {
        var ca = SubCa(CertRoles.IssuerOf(role), brand);
        return CertificateIssuer.Issue(role, CertificateIssuer.Subject(role, cn, brand), pub, ca.Cert.SubjectDN, ca.Key.Private,
            ValidFrom, notAfter, brand, streams($"pki/leaf/{label}"));
    }

    private CertChain ChainOf(X509Certificate leaf, CertRole role, string? brand) =>
        new([leaf, .. SubCa(CertRoles.IssuerOf(role), brand).ChainAboveRoot]);

    // Few RSA keys: one per party kind, reused by that party's per-brand certificates.
    private AsymmetricCipherKeyPair RsaKey(string owner) =>
        Cached($"rsa/{owner}", () => CertificateIssuer.NewRsaKey(streams($"key/rsa/{owner}")));

    private AsymmetricCipherKeyPair EcKey(string owner) =>
        Cached($"ec/{owner}", () => CertificateIssuer.NewEcKey(streams($"key/ec/{owner}")));

    private PartyCredential Party(string who, CertRole sig, CertRole ke, string brand, string? name = null) => Cached($"party/{who}/{brand}", () =>
    {
        var ec = EcKey(who);
        var rsa = RsaKey(who);
        var sigCert = IssueLeaf(sig, name ?? $"{who} signature", brand, ec.Public, PartyValidTo, $"{who}/{brand}/sig");
        var keCert = IssueLeaf(ke, name ?? $"{who} key exchange", brand, rsa.Public, PartyValidTo, $"{who}/{brand}/ke");
        return new PartyCredential(brand,
            new SigningIdentity((ECPrivateKeyParameters)ec.Private, ChainOf(sigCert, sig, brand)),
            new KeyExchangeIdentity((RsaPrivateCrtKeyParameters)rsa.Private, ChainOf(keCert, ke, brand)));
    });

    /// <summary>The merchant id of the world's merchant, named by its certificates.</summary>
    public const string DefaultMerchantId = "SHOP-1";

    /// <summary>The world's merchant's signature + key-exchange credentials under the brand's Merchant CA (merchant id <see cref="DefaultMerchantId"/>).</summary>
    public PartyCredential Merchant(string brand) => Merchant(brand, DefaultMerchantId);

    /// <summary>
    /// The signature + key-exchange credentials of the merchant <paramref name="merchantId"/> under the brand's Merchant CA:
    /// both certificates name the merchant id as their subject CN (<see cref="MerchantIdentity"/>), so a receiver can bind a
    /// merchant id it reads in a message to the certificate that signed it.
    /// </summary>
    public PartyCredential Merchant(string brand, string merchantId) =>
        Party(merchantId == DefaultMerchantId ? "merchant" : $"merchant/{merchantId}", CertRole.MerchantSignature, CertRole.MerchantKeyExchange, brand, merchantId);

    /// <summary>The payment gateway's signature + key-exchange credentials under the brand's Gateway CA.</summary>
    public PartyCredential Gateway(string brand) => Party("gateway", CertRole.GatewaySignature, CertRole.GatewayKeyExchange, brand);

    /// <summary>
    /// The brand credential a wallet holds for a brand: fresh EC key, card account, certificate whose CN is
    /// H(PAN ‖ PANSecret) (SET: the certificate does not reveal the PAN), valid until the card expires.
    /// </summary>
    public CardholderCredential Cardholder(string wallet, string brand, DateTime? notAfter = null) =>
        Cached($"cardholder/{wallet}/{brand}/{notAfter?.Ticks}", () =>
        {
            var label = $"{wallet}/{brand}";
            var rng = streams($"card/{label}");
            var pan = Brands.Get(brand).RealName[0] switch { 'V' => "4", 'M' => "5", 'J' => "35", 'A' => "37", _ => "36" };
            while (pan.Length < 16) pan += (char)('0' + rng.Next(10));
            var account = new CardAccount(pan, rng.Bytes(20), rng.Bytes(20), CardExpiry);
            var key = EcKey($"cardholder/{label}");
            var cn = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.ASCII.GetBytes(pan), .. account.PanSecret]))[..40];
            var cert = IssueLeaf(CertRole.Cardholder, cn, brand, key.Public, notAfter ?? CardExpiry, label + "/" + notAfter?.Ticks);
            return new CardholderCredential(wallet, brand,
                new SigningIdentity((ECPrivateKeyParameters)key.Private, ChainOf(cert, CertRole.Cardholder, brand)), account);
        });

    /// <summary>A server wallet's identity (signature + RSA key exchange) under the Wallet Server CA, for E8 mutual authentication.</summary>
    public ServerWalletIdentity ServerWallet(string name) => Cached($"server/{name}", () =>
    {
        var ec = EcKey($"server/{name}");
        var rsa = RsaKey($"server/{name}");
        var sig = IssueLeaf(CertRole.ServerSignature, $"{name} identity", null, ec.Public, PartyValidTo, $"server/{name}/sig");
        var ke = IssueLeaf(CertRole.ServerKeyExchange, $"{name} key exchange", null, rsa.Public, PartyValidTo, $"server/{name}/ke");
        return new ServerWalletIdentity(name,
            new SigningIdentity((ECPrivateKeyParameters)ec.Private, ChainOf(sig, CertRole.ServerSignature, null)),
            new KeyExchangeIdentity((RsaPrivateCrtKeyParameters)rsa.Private, ChainOf(ke, CertRole.ServerKeyExchange, null)));
    });
}
