using MultiWallet.Impl.Network;

namespace MultiWallet.Checks.Bridge;

/// <summary>Facts about one wake-up the invariants read (collected right after it).</summary>
public sealed record WakeUpFacts(
    int AuthorizationsForOrder,
    int TotalAuthorizations,
    int MswAcquiredCredentialsHeld,
    IReadOnlyDictionary<string, int> CustodianReleases,
    IReadOnlyList<NetMessage> Requests,
    IReadOnlyList<string> SecretLeaks);
