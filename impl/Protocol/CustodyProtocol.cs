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
    /// <summary>The master's signed credential request.</summary>
    public const string Acquire = "Custody.Acquire";
    /// <summary>The custodian's signed, enveloped release.</summary>
    public const string Released = "Custody.Released";
    /// <summary>The custodian's refusal with its reason.</summary>
    public const string Refused = "Custody.Refused";
    /// <summary>The signed inner kind of a request.</summary>
    public const string RequestInner = "CustodyRequest";
    /// <summary>The signed inner kind of a release.</summary>
    public const string ReleaseInner = "CustodyRelease";
}
