namespace MultiWallet.Impl.Crypto;

/// <summary>The shape rules of <see cref="CertRole"/>: who issues what, which roles are CAs, encryption or branded.</summary>
public static class CertRoles
{
    /// <summary>The role of the CA that must issue a certificate of the given role.</summary>
    public static CertRole IssuerOf(CertRole r) => r switch
    {
        CertRole.BrandCa or CertRole.WalletServerCa => CertRole.Root,
        CertRole.CardholderCa or CertRole.MerchantCa or CertRole.GatewayCa => CertRole.BrandCa,
        CertRole.Cardholder => CertRole.CardholderCa,
        CertRole.MerchantSignature or CertRole.MerchantKeyExchange => CertRole.MerchantCa,
        CertRole.GatewaySignature or CertRole.GatewayKeyExchange => CertRole.GatewayCa,
        CertRole.ServerSignature or CertRole.ServerKeyExchange => CertRole.WalletServerCa,
        _ => CertRole.Root,
    };

    /// <summary>True for roles whose key encrypts (RSA key transport) rather than signs.</summary>
    public static bool IsKeyExchange(CertRole r) => r is CertRole.MerchantKeyExchange or CertRole.GatewayKeyExchange or CertRole.ServerKeyExchange;

    /// <summary>True for certificate authorities.</summary>
    public static bool IsCa(CertRole r) => r is CertRole.Root or CertRole.BrandCa or CertRole.CardholderCa or CertRole.MerchantCa or CertRole.GatewayCa or CertRole.WalletServerCa;

    /// <summary>Roles whose certificates belong to one brand (carry the brand OID as a policy).</summary>
    public static bool IsBranded(CertRole r) => r is not (CertRole.Root or CertRole.WalletServerCa or CertRole.ServerSignature or CertRole.ServerKeyExchange);
}
