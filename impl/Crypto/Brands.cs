namespace MultiWallet.Impl.Crypto;

/// <summary>
/// The known brands (one brand CA each under the root) and the real SET brand OIDs under 2.23.42.8
/// that the certificates carry (as a certificate policy) and name in their subject.
/// </summary>
public static class Brands
{
    public sealed record Info(string Name, string RealName, string Oid);

    public static readonly IReadOnlyList<Info> All =
    [
        new("BrandA", "Visa", "2.23.42.8.4"),
        new("BrandB", "MasterCard", "2.23.42.8.5"),
        new("BrandC", "JCB", "2.23.42.8.35"),
        new("BrandD", "Amex", "2.23.42.8.34"),
        new("BrandE", "Diners", "2.23.42.8.30"),
    ];

    public static bool IsKnown(string name) => All.Any(b => b.Name == name);

    public static Info Get(string name) => All.FirstOrDefault(b => b.Name == name) ?? throw new ArgumentException($"unknown brand {name}");

    public static Info? ByOid(string oid) => All.FirstOrDefault(b => b.Oid == oid);
}
