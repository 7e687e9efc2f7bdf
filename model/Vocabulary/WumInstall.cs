using System.Collections.Immutable;

namespace MultiWallet.Model.Vocabulary;

/// <summary>An E4 wallet connection module as installed on the user PC: it carries its SW's brand information.</summary>
public sealed record WumInstall(int Version, ImmutableSortedSet<Brand> Brands)
{
    public override string ToString() => $"v{Version} {Vocabulary.Brands.Print(Brands)}";
}
