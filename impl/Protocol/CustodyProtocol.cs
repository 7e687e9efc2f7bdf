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
