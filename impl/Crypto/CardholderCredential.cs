namespace MultiWallet.Impl.Crypto;

/// <summary>A brand credential: cardholder certificate + private key + card account (what E8 transfers).</summary>
public sealed record CardholderCredential(string Wallet, string Brand, SigningIdentity Signing, CardAccount Account);
