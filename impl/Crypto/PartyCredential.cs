namespace MultiWallet.Impl.Crypto;

/// <summary>Merchant or gateway credentials for one brand: a signature identity and a key-exchange identity.</summary>
public sealed record PartyCredential(string Brand, SigningIdentity Signing, KeyExchangeIdentity KeyExchange);
