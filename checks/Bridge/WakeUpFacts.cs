using System.Text;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;
using MultiWallet.Model.Machines;
using MultiWallet.Model.Prediction;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Bridge;

/// <summary>Facts about one wake-up the invariants read (collected right after it).</summary>
public sealed record WakeUpFacts(
    int AuthorizationsForOrder,
    int TotalAuthorizations,
    int MswAcquiredCredentialsHeld,
    IReadOnlyDictionary<string, int> CustodianReleases,
    IReadOnlyList<NetMessage> Requests,
    IReadOnlyList<string> SecretLeaks);
