using System.Collections.Immutable;

namespace MultiWallet.Model.Vocabulary;

/// <summary>Helpers for the sorted brand sets used everywhere (sorted so traces print deterministically).</summary>
public static class Brands
{
    public static ImmutableSortedSet<Brand> None => ImmutableSortedSet<Brand>.Empty;
    public static ImmutableSortedSet<Brand> Of(params Brand[] brands) => [.. brands];
    public static string Print(IEnumerable<Brand> brands) => "[" + string.Join(", ", brands) + "]";
}
