using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace MultiWallet.Impl.Crypto;

/// <summary>An RSA-2048 key-exchange key with its certificate chain. The .NET RSA object is built once (fast OAEP decrypt).</summary>
public sealed record KeyExchangeIdentity(RsaPrivateCrtKeyParameters Key, CertChain Chain)
{
    private readonly Lazy<RSA> dotnet = new(() => RSA.Create(DotNetUtilities.ToRSAParameters(Key)));
    internal RSA DotNet => dotnet.Value;
}
