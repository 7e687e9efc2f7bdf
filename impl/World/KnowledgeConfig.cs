using MultiWallet.Impl.Protocol;

namespace MultiWallet.Impl.World;

/// <summary>
/// The routing knowledge of a <see cref="TopologyConfig"/>, in the implementation's terms: one value whose
/// kind and holder the embodiment's <see cref="EmbodimentWiring"/> decides (the selector's table, the MSW's,
/// the one the client WUM sends, ...).
/// </summary>
public abstract record KnowledgeConfig
{
    private KnowledgeConfig() { }

    /// <summary>No stored knowledge.</summary>
    public sealed record NoKnowledge : KnowledgeConfig;

    /// <summary>Wallet → listed brands, in registration order.</summary>
    public sealed record BrandTable(IReadOnlyList<(string Wallet, IReadOnlyList<string> Brands)> Entries) : KnowledgeConfig;

    /// <summary>The WUMs installed at the start, each with its version and the brands it carries.</summary>
    public sealed record InstalledWums(IReadOnlyList<(string Wallet, int Version, IReadOnlyList<string> Brands)> Entries) : KnowledgeConfig;

    /// <summary>SSW names, brands unknown.</summary>
    public sealed record SswList(IReadOnlyList<string> Names) : KnowledgeConfig;

    /// <summary>The knowledge of an embodiment that stores none.</summary>
    public static readonly KnowledgeConfig None = new NoKnowledge();

    /// <summary>The brand table's entries; empty for any other kind.</summary>
    public IReadOnlyList<(string Wallet, IReadOnlyList<string> Brands)> Table => this is BrandTable b ? b.Entries : [];

    /// <summary>The brand table as the routing strategies read it.</summary>
    public IReadOnlyList<(string Wallet, IReadOnlySet<string> Brands)> BrandSets =>
        Table.Select(b => (b.Wallet, (IReadOnlySet<string>)b.Brands.ToHashSet())).ToList();

    /// <summary>The installed WUMs; empty for any other kind.</summary>
    public IReadOnlyList<(string Wallet, int Version, IReadOnlyList<string> Brands)> Wums => this is InstalledWums w ? w.Entries : [];

    /// <summary>The SSW names of a list; empty for any other kind.</summary>
    public IReadOnlyList<string> Ssws => this is SswList s ? s.Names : [];

    /// <summary>The body a WUM that sends its knowledge with the wake-up starts the MSW's session with.</summary>
    public byte[] ClientInfoFor(byte[] wakeUp) => new ClientInfo(wakeUp, Table.Select(b => (b.Wallet, b.Brands)).ToList(), Ssws).Encode();
}
