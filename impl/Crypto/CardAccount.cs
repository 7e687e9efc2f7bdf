namespace MultiWallet.Impl.Crypto;

/// <summary>The card account behind a cardholder certificate. Only the wallet and the gateway ever see the PAN.</summary>
public sealed record CardAccount(string Pan, byte[] PanSecret, byte[] CardSecret, DateTime Expiry);
