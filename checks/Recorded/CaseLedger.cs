using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Recorded;

/// <summary>
/// What the checks remember across the wake-ups of one case (dropped at the next case header, so memory is bounded by
/// one case): standing authorizations and credential releases per order, and the orders a PC admitted.
/// </summary>
public sealed class CaseLedger
{
    /// <summary>Lines of the gateway's standing authorizations, per LID-M (a reversal removes the last).</summary>
    public Dictionary<string, List<WitnessEvent>> Authorizations { get; } = new(StringComparer.Ordinal);

    /// <summary>Lines of the custodians' releases, per LID-M.</summary>
    public Dictionary<string, List<WitnessEvent>> Releases { get; } = new(StringComparer.Ordinal);

    /// <summary>Orders whose wake-up the PC admitted (a later wake-up of them is a replay).</summary>
    public HashSet<OrderId> Admitted { get; } = [];
}
