using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.X509;

namespace MultiWallet.Impl.Crypto;

/// <summary>PEM export for independent checking with openssl.</summary>
public static class Pem
{
    /// <summary>One certificate as PEM.</summary>
    public static string Certificate(X509Certificate c) => Block("CERTIFICATE", c.GetEncoded());

    /// <summary>Several certificates as concatenated PEM (a chain file).</summary>
    public static string Certificates(IEnumerable<X509Certificate> cs) => string.Concat(cs.Select(Certificate));

    /// <summary>A private key as PKCS#8 PEM.</summary>
    public static string PrivateKey(AsymmetricKeyParameter key) =>
        Block("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(key).GetEncoded());

    private static string Block(string label, byte[] der) =>
        $"-----BEGIN {label}-----\n{Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n")}\n-----END {label}-----\n";
}
