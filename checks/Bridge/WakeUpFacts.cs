using MultiWallet.Impl.Network;

namespace MultiWallet.Checks.Bridge;

/// <summary>Facts about one wake-up the invariants read (collected right after it).</summary>
public sealed record WakeUpFacts(
    int AuthorizationsForOrder,
    int TotalAuthorizations,
    int MswAcquiredCredentialsHeld,
    IReadOnlyDictionary<string, int> CustodianReleases,
    IReadOnlyList<NetMessage> Requests,
    IReadOnlyList<string> SecretLeaks)
{
    /// <summary>Every order as the merchant and the gateway hold it after the wake-up, by LID-M; null unless the run was asked to record it.</summary>
    public IReadOnlyDictionary<string, OrderFacts>? Orders { get; init; }
}
