namespace MultiWallet.Impl.Crypto;

/// <summary>
/// What a certificate is for; written as the subject's OU so every receiver can check that a chain
/// has the shape SET prescribes (cardholder cert under a Cardholder CA under a Brand CA under the root).
/// </summary>
public enum CertRole
{
    Root,
    BrandCa,
    CardholderCa,
    MerchantCa,
    GatewayCa,
    /// <summary>Issues server-wallet identities (not brand-specific; used by E8 mutual authentication).</summary>
    WalletServerCa,
    Cardholder,
    MerchantSignature,
    MerchantKeyExchange,
    GatewaySignature,
    GatewayKeyExchange,
    ServerSignature,
    ServerKeyExchange,
}
