using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Org.BouncyCastle.X509;

namespace MultiWallet.Impl.Crypto;

/// <summary>SET thumbprints: how a party names a certificate it already holds.</summary>
public static class Thumbprints
{
    // A certificate object never changes its bytes, so its thumbprint is computed once per object (and collected with it).
    private static readonly ConditionalWeakTable<X509Certificate, string> Known = [];

    /// <summary>SET-style thumbprint: SHA-256 of the DER certificate, lower hex.</summary>
    public static string Of(X509Certificate c) => Known.GetValue(c, static x =>
    {
        CryptoCounters.Thumbprint();
        return Convert.ToHexStringLower(SHA256.HashData(x.GetEncoded()));
    });
}
