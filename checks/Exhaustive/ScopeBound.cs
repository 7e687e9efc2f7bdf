namespace MultiWallet.Checks.Exhaustive;

/// <summary>
/// The bound of an exhaustive small scope: the union of its <see cref="ScopeLayer"/>s, each enumerated completely by
/// <see cref="ScopeSpace"/> with the embodiment's user answers and knowledge variants (docs/DECISIONS.md, "Exhaustive
/// scopes", states it in words and says why these numbers).
/// </summary>
/// <param name="Name">The bound's name in reports ("full", "small").</param>
/// <param name="Layers">What it enumerates.</param>
public sealed record ScopeBound(string Name, IReadOnlyList<ScopeLayer> Layers)
{
    /// <summary>The bound `verify --exhaustive` runs.</summary>
    public static readonly ScopeBound Full = new("full",
    [
        new(ScopeShape.Fault, Wallets: 1, Brands: 1),
        new(ScopeShape.Defect, Wallets: 1, Brands: 1),
        new(ScopeShape.Honest, Wallets: 3, Brands: 2, WakeUps: 1),
        new(ScopeShape.Honest, Wallets: 2, Brands: 2, WakeUps: 2, AskedWallets: 1),
    ]);

    /// <summary>The bound every other run (and `dotnet test`) runs, so the mechanism is exercised within seconds.</summary>
    public static readonly ScopeBound Small = new("small",
    [
        new(ScopeShape.Honest, Wallets: 2, Brands: 1, WakeUps: 1),
        new(ScopeShape.Defect, Wallets: 1, Brands: 1),
    ]);

    /// <summary>The bound in one line, as the evidence states it.</summary>
    public override string ToString() =>
        $"{Name}: {string.Join(" + ", Layers)}; every user answer of the embodiment's domain; in the honest layers the first wallet down or not and the knowledge accurate, stale or lying; amounts 1000; up to renaming of wallets and brands";
}
