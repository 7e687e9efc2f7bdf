using System.Collections.Immutable;

namespace MultiWallet.Model.Vocabulary;

/// <summary>
/// The routing knowledge a topology starts with: one value, whose kind the embodiment's
/// <see cref="EmbodimentTraits.Knowledge"/> names and whose holder its <see cref="EmbodimentTraits.Holder"/> names.
/// It is kept apart from <see cref="WalletSpec.Held"/> on purpose: it may be stale or lying, and the model
/// must show what happens then. Entries naming no wallet of the topology behave as unreachable wallets.
/// </summary>
public abstract record Knowledge
{
    private Knowledge() { }

    /// <summary>No knowledge: the embodiment routes on the user, a live query, or nothing at all.</summary>
    public sealed record NoKnowledge : Knowledge
    {
        /// <inheritdoc/>
        public override IReadOnlyList<string> Wallets => [];
        /// <inheritdoc/>
        public override Knowledge Without(string wallet) => this;
    }

    /// <summary>Wallet → the brands listed for it: the selector's table (E3), the MSW's brand information (E7, E8), the client's (E11).</summary>
    public sealed record BrandTable(IReadOnlyDictionary<string, ImmutableSortedSet<Brand>> Entries) : Knowledge
    {
        /// <inheritdoc/>
        public override IReadOnlyList<string> Wallets => [.. Entries.Keys];
        /// <inheritdoc/>
        public override Knowledge Without(string wallet) => new BrandTable(Entries.Where(k => k.Key != wallet).ToImmutableDictionary());
    }

    /// <summary>Wallet → the WUM installed at the start, with the brand information it carries (E4).</summary>
    public sealed record InstalledWums(IReadOnlyDictionary<string, WumInstall> Entries) : Knowledge
    {
        /// <inheritdoc/>
        public override IReadOnlyList<string> Wallets => [.. Entries.Keys];
        /// <inheritdoc/>
        public override Knowledge Without(string wallet) => new InstalledWums(Entries.Where(k => k.Key != wallet).ToImmutableDictionary());
    }

    /// <summary>The SSWs at which the user holds some certificate, brand unknown: the MSW's (E9) or the client's (E12).</summary>
    public sealed record SswList(IReadOnlyList<string> Names) : Knowledge
    {
        /// <inheritdoc/>
        public override IReadOnlyList<string> Wallets => Names;
        /// <inheritdoc/>
        public override Knowledge Without(string wallet) => new SswList(Names.Where(n => n != wallet).ToList());
    }

    /// <summary>The knowledge of an embodiment that routes on none.</summary>
    public static readonly Knowledge None = new NoKnowledge();

    /// <summary>Every wallet name the knowledge mentions, as written.</summary>
    public abstract IReadOnlyList<string> Wallets { get; }

    /// <summary>The same knowledge with <paramref name="wallet"/> forgotten.</summary>
    public abstract Knowledge Without(string wallet);

    /// <summary>The brand table's entries; empty for any other kind.</summary>
    public IReadOnlyDictionary<string, ImmutableSortedSet<Brand>> Table =>
        this is BrandTable b ? b.Entries : ImmutableDictionary<string, ImmutableSortedSet<Brand>>.Empty;

    /// <summary>The installed WUMs; empty for any other kind.</summary>
    public IReadOnlyDictionary<string, WumInstall> Wums =>
        this is InstalledWums w ? w.Entries : ImmutableDictionary<string, WumInstall>.Empty;

    /// <summary>The SSW names of a list; empty for any other kind.</summary>
    public IReadOnlyList<string> Ssws => this is SswList s ? s.Names : [];

    /// <summary>One line, entries sorted by wallet (ordinal): <c>SSW-1=[BrandB]; SSW-2=[]</c>, or <c>[SSW-1, SSW-2]</c> for a list.</summary>
    public string Describe() => this switch
    {
        BrandTable b => string.Join("; ", b.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={Brands.Print(e.Value)}")),
        InstalledWums w => string.Join("; ", w.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}")),
        _ => $"[{string.Join(", ", Wallets)}]",
    };
}
