namespace MultiWallet.Impl.Crypto;

/// <summary>A server wallet's identity (for wallet-to-wallet mutual authentication, E8).</summary>
public sealed record ServerWalletIdentity(string Name, SigningIdentity Signing, KeyExchangeIdentity KeyExchange);
