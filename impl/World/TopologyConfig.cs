namespace MultiWallet.Impl.World;

/// <summary>
/// A concrete topology for one embodiment, in the implementation's own terms (the model has its own
/// vocabulary; checks/Bridge translates). Who reads <see cref="Knowledge"/> is the embodiment's
/// <see cref="EmbodimentWiring"/>; the user's answers come from the scripted user.
/// </summary>
public sealed record TopologyConfig(string Embodiment, IReadOnlyList<WalletConfig> Wallets, WalletConfig? Master = null)
{
    /// <summary>The routing knowledge the embodiment starts with.</summary>
    public KnowledgeConfig Knowledge { get; init; } = KnowledgeConfig.None;

    /// <summary>How the embodiment is wired.</summary>
    public EmbodimentWiring Wiring => EmbodimentWiring.Of(Embodiment);

    /// <summary>A master wallet stands between the client WUM and the slaves.</summary>
    public bool IsMasterSlave => Wiring.IsMasterSlave;
}
