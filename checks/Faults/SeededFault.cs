using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Faults;

/// <summary>A seeded wrong component: the embodiment it lives in, what is wrong, and the parts that substitute it.</summary>
public sealed record SeededFault(string Id, Embodiment Embodiment, string Description, string[] Violates, EmbodimentWorld.Parts Parts);
