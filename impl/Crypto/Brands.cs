namespace MultiWallet.Impl.Crypto;

/// <summary>
/// The known brands (one brand CA each under the root) and the real SET brand OIDs under 2.23.42.8
/// that the certificates carry (as a certificate policy) and name in their subject.
/// </summary>
public static class Brands
{
    /// <summary>One brand.</summary>
    /// <param name="Name">The neutral name the suite uses (BrandA…BrandE).</param>
    /// <param name="RealName">The real card brand it stands for.</param>
    /// <param name="Oid">The SET brand OID its certificates carry.</param>
    public sealed record Info(string Name, string RealName, string Oid);

    /// <summary>Every known brand, in a fixed order.</summary>
    public static readonly IReadOnlyList<Info> All =
    [
        new("BrandA", "Visa", "2.23.42.8.4"),
        new("BrandB", "MasterCard", "2.23.42.8.5"),
        new("BrandC", "JCB", "2.23.42.8.35"),
        new("BrandD", "Amex", "2.23.42.8.34"),
        new("BrandE", "Diners", "2.23.42.8.30"),
    ];

    /// <summary>True for a brand name of <see cref="All"/>.</summary>
    public static bool IsKnown(string name) => All.Any(b => b.Name == name);

    /// <summary>The brand of that name; an unknown name is a programming error.</summary>
    public static Info Get(string name) => All.FirstOrDefault(b => b.Name == name) ?? throw new ArgumentException($"unknown brand {name}");

    /// <summary>The brand whose OID this is, or null.</summary>
    public static Info? ByOid(string oid) => All.FirstOrDefault(b => b.Oid == oid);
}
