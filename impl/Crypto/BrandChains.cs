namespace MultiWallet.Impl.Crypto;

/// <summary>
/// Another party's public certificate chains, one per brand (e.g. the gateway's key-exchange certificates
/// the merchant forwards in PInitRes and seals AuthReq to). Certificates only: no private key is reachable.
/// </summary>
/// <param name="chainOf">Returns the peer's chain for a brand.</param>
public sealed class BrandChains(Func<string, CertChain> chainOf)
{
    /// <summary>The peer's certificate chain for <paramref name="brand"/>.</summary>
    public CertChain For(string brand) => chainOf(brand);
}
