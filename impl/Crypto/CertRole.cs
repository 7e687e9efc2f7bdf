namespace MultiWallet.Impl.Crypto;

/// <summary>
/// What a certificate is for; written as the subject's OU so every receiver can check that a chain
/// has the shape SET prescribes (cardholder cert under a Cardholder CA under a Brand CA under the root).
/// </summary>
public enum CertRole
{
    /// <summary>The trust anchor.</summary>
    Root,
    /// <summary>A brand's CA, under the root.</summary>
    BrandCa,
    /// <summary>Issues cardholder certificates of one brand.</summary>
    CardholderCa,
    /// <summary>Issues merchant certificates of one brand.</summary>
    MerchantCa,
    /// <summary>Issues gateway certificates of one brand.</summary>
    GatewayCa,
    /// <summary>Issues server-wallet identities (not brand-specific; used by E8 mutual authentication).</summary>
    WalletServerCa,
    /// <summary>A cardholder's signing certificate (CN binds the PAN by hash).</summary>
    Cardholder,
    /// <summary>The merchant's signing certificate.</summary>
    MerchantSignature,
    /// <summary>The merchant's key-exchange (encryption) certificate.</summary>
    MerchantKeyExchange,
    /// <summary>The gateway's signing certificate.</summary>
    GatewaySignature,
    /// <summary>The gateway's key-exchange (encryption) certificate.</summary>
    GatewayKeyExchange,
    /// <summary>A server wallet's signing identity (E8).</summary>
    ServerSignature,
    /// <summary>A server wallet's key-exchange identity (E8).</summary>
    ServerKeyExchange,
}
