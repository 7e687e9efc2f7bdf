namespace MultiWallet.Impl.Crypto;

/// <summary>
/// One party's own signature and key-exchange credentials, one <see cref="PartyCredential"/> per brand,
/// issued on first use. A merchant or a gateway holds this, not the whole <see cref="CryptoWorld"/>, so it
/// reaches its own keys and nobody else's: the merchant cannot open what is sealed for the gateway.
/// </summary>
/// <param name="issue">Returns the owner's credential for a brand (the world builder binds it to one party).</param>
public sealed class BrandCredentials(Func<string, PartyCredential> issue)
{
    /// <summary>The owner's credential for <paramref name="brand"/>.</summary>
    public PartyCredential For(string brand) => issue(brand);

    /// <summary>The owner's key-exchange identities of every known brand (an envelope names which one it is for).</summary>
    public IEnumerable<KeyExchangeIdentity> KeyExchangeOfEveryBrand => Brands.All.Select(b => For(b.Name).KeyExchange);

    /// <summary>The public half a peer may know: the owner's key-exchange certificate chain per brand.</summary>
    public BrandChains KeyExchangeChains => new(brand => For(brand).KeyExchange.Chain);
}
