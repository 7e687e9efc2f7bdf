using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Protocol;

/// <summary>
/// E8's credential transfer between a master wallet (MSW) and its slave custodian (SSW):
/// <code>
///   Custody.Acquire  (Signed/CustodyRequest by the MSW's server identity:
///                     brand, order (merchant, LID-M, amount, currency), requester, nonce,
///                     the MSW's key-exchange chain)
///     → Custody.Released (Signed/CustodyRelease by the SSW's server identity:
///                     CMS EnvelopedData to the MSW's key-exchange certificate, holding the credential + order binding)
///     | Custody.Refused  (reason, cause)
/// </code>
/// The refusal reasons are <see cref="CustodyRefusal"/>.
/// </summary>
public static class CustodyProtocol
{
    public const string Acquire = "Custody.Acquire";
    public const string Released = "Custody.Released";
    public const string Refused = "Custody.Refused";
    public const string RequestInner = "CustodyRequest";
    public const string ReleaseInner = "CustodyRelease";
}

/// <summary>Why a custodian did not release a credential (docs/DECISIONS.md, E8 custody).</summary>
public enum CustodyRefusal
{
    /// <summary>The request's signature or certificate chain does not verify.</summary>
    Unauthenticated,
    /// <summary>Authenticated, but not the master wallet this slave serves.</summary>
    NotItsMaster,
    /// <summary>The slave holds no certificate of the requested brand.</summary>
    BrandNotHeld,
    /// <summary>The credential was already released for this order: one transaction, one release.</summary>
    AlreadyReleased,
}

/// <summary>The signed content of a custody request.</summary>
public sealed record CustodyRequest(string Requester, string Brand, string MerchantId, string LidM, long Amount, string Currency, byte[] Nonce, IReadOnlyList<byte[]> RequesterKeyExchangeChain)
{
    private const string Msg = "CustodyRequest";

    public byte[] Encode() => new CanonWriter(Msg).Str("requester", Requester).Str("brand", Brand).Str("merchant", MerchantId).Str("lid-m", LidM)
        .Long("amount", Amount).Str("currency", Currency).Bytes("nonce", Nonce).BytesList("ke-chain", RequesterKeyExchangeChain).ToBytes();

    public static CustodyRequest Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new CustodyRequest(r.Str("requester"), r.Str("brand"),
        r.Str("merchant"), r.Str("lid-m"), r.Long("amount"), r.Str("currency"), r.Bytes("nonce"), r.BytesList("ke-chain")), x => x.Encode());

    /// <summary>The order the release is bound to.</summary>
    public (string, string) Order => (MerchantId, LidM);
}

/// <summary>What travels inside the envelope: the brand certificate chain, its private key and the card account, bound to one order.</summary>
public sealed record CredentialPackage(string Brand, string MerchantId, string LidM, byte[] Nonce, IReadOnlyList<byte[]> Chain, byte[] PrivateKey, string Pan, byte[] PanSecret, byte[] CardSecret, long ExpiryTicks)
{
    private const string Msg = "CredentialPackage";

    public byte[] Encode() => new CanonWriter(Msg).Str("brand", Brand).Str("merchant", MerchantId).Str("lid-m", LidM).Bytes("nonce", Nonce)
        .BytesList("chain", Chain).Bytes("key", PrivateKey).Str("pan", Pan).Bytes("pan-secret", PanSecret).Bytes("card-secret", CardSecret)
        .Long("expiry", ExpiryTicks).ToBytes();

    public static CredentialPackage Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new CredentialPackage(r.Str("brand"), r.Str("merchant"),
        r.Str("lid-m"), r.Bytes("nonce"), r.BytesList("chain"), r.Bytes("key"), r.Str("pan"), r.Bytes("pan-secret"), r.Bytes("card-secret"), r.Long("expiry")), x => x.Encode());
}
