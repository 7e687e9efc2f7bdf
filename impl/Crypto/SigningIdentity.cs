using Org.BouncyCastle.Crypto.Parameters;

namespace MultiWallet.Impl.Crypto;

/// <summary>An ECDSA P-256 signing key with its certificate chain.</summary>
public sealed record SigningIdentity(ECPrivateKeyParameters Key, CertChain Chain);
