using System.Security.Cryptography;
using Org.BouncyCastle.X509;

namespace MultiWallet.Impl.Crypto;

/// <summary>SET thumbprints: how a party names a certificate it already holds.</summary>
public static class Thumbprints
{
    /// <summary>SET-style thumbprint: SHA-256 of the DER certificate, lower hex.</summary>
    public static string Of(X509Certificate c) => Convert.ToHexStringLower(SHA256.HashData(c.GetEncoded()));
}
