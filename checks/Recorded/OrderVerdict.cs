using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Recorded;

/// <summary>
/// The verdict on one order of one case: conforming, or its first divergence (earliest wake-up of the order, and in it an
/// invariant's finding before the model comparison's). <see cref="Notes"/> say what could not be judged (partial observability).
/// </summary>
public sealed record OrderVerdict(string CaseId, int CaseLine, Embodiment Embodiment, OrderId Order, int WakeUps, TraceFinding? Divergence, IReadOnlyList<string> Notes)
{
    /// <summary>Every requirement the wake-up of <see cref="Divergence"/> breaks (the reported one first).</summary>
    public IReadOnlyList<string> Broken { get; init; } = [];

    /// <summary>Whether the order conforms to the model and to every invariant the trace shows.</summary>
    public bool Conforms => Divergence is null;
}
