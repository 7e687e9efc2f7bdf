using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Faults;

/// <summary>
/// A seeded wrong component: the embodiment it lives in, what is wrong, and the parts that substitute it. By default
/// the generated invariant suite must catch it; <see cref="Detector"/> names another generated property (in a world built
/// with <see cref="Parts"/>) that must fail instead.
/// </summary>
public sealed record SeededFault(string Id, Embodiment Embodiment, string Description, string[] Violates, EmbodimentWorld.Parts Parts)
{
    /// <summary>A catalog property run with the fault's parts, and its id: the fault is caught when the property fails.</summary>
    public (string PropertyId, Func<CheckContext, EmbodimentWorld.Parts, CheckOutcome> Run)? Detector { get; init; }
}
