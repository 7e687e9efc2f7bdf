using System.Collections.Immutable;

namespace MultiWallet.Model.Vocabulary;

/// <summary>A payment brand, by name. Only <see cref="Known"/> brands have a CA under the root (DECISIONS.md).</summary>
public sealed record Brand(string Name) : IComparable<Brand>
{
    public static readonly Brand BrandA = new("BrandA");
    public static readonly Brand BrandB = new("BrandB");
    public static readonly Brand BrandC = new("BrandC");
    public static readonly Brand BrandD = new("BrandD");
    public static readonly Brand BrandE = new("BrandE");

    public static readonly ImmutableSortedSet<Brand> Known = [BrandA, BrandB, BrandC, BrandD, BrandE];

    public bool IsKnown => Known.Contains(this);

    // Ordinal order keeps printed brand sets stable across runs and platforms.
    public int CompareTo(Brand? other) => string.CompareOrdinal(Name, other?.Name);

    public override string ToString() => Name;
}
