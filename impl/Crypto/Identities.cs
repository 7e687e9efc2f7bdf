using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace MultiWallet.Impl.Crypto;

/// <summary>Certificates from the end entity up to (excluding) the root; what is sent on the wire.</summary>
public sealed record CertChain(IReadOnlyList<X509Certificate> Certs)
{
    public X509Certificate Leaf => Certs[0];
    public IReadOnlyList<byte[]> Der => Certs.Select(c => c.GetEncoded()).ToList();
    public static CertChain FromDer(IEnumerable<byte[]> der) => new(der.Select(d => new X509Certificate(d)).ToList());

    /// <summary>Parses a received chain; undecodable DER is a typed Malformed error naming the party.</summary>
    public static CertChain Parse(IEnumerable<byte[]> der, string what, string party)
    {
        try { return FromDer(der); }
        catch (Exception e) when (e is not MultiWallet.Impl.Codec.SetException)
        {
            throw new MultiWallet.Impl.Codec.SetException(MultiWallet.Impl.Codec.SetErrorCode.Malformed, $"{what} certificate does not parse at {party}");
        }
    }
    public string LeafThumbprint => Thumbprints.Of(Leaf);
}

public static class Thumbprints
{
    /// <summary>SET-style thumbprint: SHA-256 of the DER certificate, lower hex.</summary>
    public static string Of(X509Certificate c) => Convert.ToHexStringLower(SHA256.HashData(c.GetEncoded()));
}

/// <summary>An ECDSA P-256 signing key with its certificate chain.</summary>
public sealed record SigningIdentity(ECPrivateKeyParameters Key, CertChain Chain);

/// <summary>An RSA-2048 key-exchange key with its certificate chain. The .NET RSA object is built once (fast OAEP decrypt).</summary>
public sealed record KeyExchangeIdentity(RsaPrivateCrtKeyParameters Key, CertChain Chain)
{
    private readonly Lazy<RSA> dotnet = new(() => RSA.Create(DotNetUtilities.ToRSAParameters(Key)));
    internal RSA DotNet => dotnet.Value;
}

/// <summary>The card account behind a cardholder certificate. Only the wallet and the gateway ever see the PAN.</summary>
public sealed record CardAccount(string Pan, byte[] PanSecret, byte[] CardSecret, DateTime Expiry);

/// <summary>A brand credential: cardholder certificate + private key + card account (what E8 transfers).</summary>
public sealed record CardholderCredential(string Wallet, string Brand, SigningIdentity Signing, CardAccount Account);

/// <summary>Merchant or gateway credentials for one brand: a signature identity and a key-exchange identity.</summary>
public sealed record PartyCredential(string Brand, SigningIdentity Signing, KeyExchangeIdentity KeyExchange);

/// <summary>A server wallet's identity (for wallet-to-wallet mutual authentication, E8).</summary>
public sealed record ServerWalletIdentity(string Name, SigningIdentity Signing, KeyExchangeIdentity KeyExchange);
