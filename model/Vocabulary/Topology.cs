using System.Collections.Immutable;

namespace MultiWallet.Model.Vocabulary;

/// <summary>An E4 wallet connection module as installed on the user PC: it carries its SW's brand information.</summary>
public sealed record WumInstall(int Version, ImmutableSortedSet<Brand> Brands)
{
    public override string ToString() => $"v{Version} {Vocabulary.Brands.Print(Brands)}";
}

/// <summary>
/// The world before the first step: wallets in registration order, the master (E7–E12) and the routing
/// knowledge of the embodiment. Knowledge is kept apart from <see cref="WalletSpec.Held"/> on purpose:
/// it may be stale or lying, and the model must show what happens then.
/// Knowledge entries naming no wallet of the topology behave as unreachable wallets; they sort after
/// the registered ones (ordinal).
/// </summary>
public sealed record Topology(Embodiment Embodiment, IReadOnlyList<WalletSpec> Wallets, WalletSpec? Master = null)
{
    /// <summary>E3: the selector's table, wallet → listed brands.</summary>
    public IReadOnlyDictionary<string, ImmutableSortedSet<Brand>> SelectorTable { get; init; } = ImmutableDictionary<string, ImmutableSortedSet<Brand>>.Empty;
    /// <summary>E4: the WUMs installed at the start, wallet → (version, brands).</summary>
    public IReadOnlyDictionary<string, WumInstall> InstalledWums { get; init; } = ImmutableDictionary<string, WumInstall>.Empty;
    /// <summary>E7/E8: the MSW's brand information, SSW → brands.</summary>
    public IReadOnlyDictionary<string, ImmutableSortedSet<Brand>> MasterBrandInfo { get; init; } = ImmutableDictionary<string, ImmutableSortedSet<Brand>>.Empty;
    /// <summary>E9: the MSW's SSW information (brand unknown).</summary>
    public IReadOnlyList<string> MasterSswInfo { get; init; } = [];
    /// <summary>E11: brand information the client WUM sends with the wake-up, SSW → brands.</summary>
    public IReadOnlyDictionary<string, ImmutableSortedSet<Brand>> ClientBrandInfo { get; init; } = ImmutableDictionary<string, ImmutableSortedSet<Brand>>.Empty;
    /// <summary>E12: SSW information the client WUM sends with the wake-up.</summary>
    public IReadOnlyList<string> ClientSswInfo { get; init; } = [];

    /// <summary>Registration index of a wallet; unknown names get int.MaxValue so they sort last.</summary>
    public int RegistrationIndex(string name)
    {
        for (var i = 0; i < Wallets.Count; i++) if (Wallets[i].Name == name) return i;
        return int.MaxValue;
    }

    /// <summary>Names in registration order (the only tie-breaker), unknown names last, ordinal, no duplicates.</summary>
    public IReadOnlyList<string> InRegistrationOrder(IEnumerable<string> names) =>
        names.Distinct().OrderBy(RegistrationIndex).ThenBy(n => n, StringComparer.Ordinal).ToList();
}
