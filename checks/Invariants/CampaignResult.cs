using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>
/// The shared campaign of one (seed, budget, transport), executed once: per embodiment, in order, the tallies every
/// derived check reads. Holds counts, classes, first failures and one short digest per case — nothing per case
/// that grows with what a case did.
/// </summary>
/// <param name="Seed">The seed every scenario and world derived from.</param>
/// <param name="PerEmbodiment">Generated scenarios per embodiment.</param>
/// <param name="Transport">The network the scenarios ran over.</param>
/// <param name="Embodiments">One tally per embodiment, in <see cref="Campaign.All"/> order.</param>
/// <param name="Seconds">Wall-clock seconds of the whole campaign (reporting only).</param>
/// <param name="CpuSeconds">Process CPU seconds spent while it ran (reporting only; includes any other work of the process meanwhile).</param>
public sealed record CampaignResult(int Seed, int PerEmbodiment, WorldTransport Transport, IReadOnlyList<EmbodimentTally> Embodiments, double Seconds, double CpuSeconds)
{
    /// <summary>The tally of one embodiment.</summary>
    public EmbodimentTally Of(Embodiment e) => Embodiments.Single(t => t.Embodiment == e);

    /// <summary>Scenarios run over every embodiment.</summary>
    public int Scenarios => Embodiments.Sum(t => t.Scenarios);
}
