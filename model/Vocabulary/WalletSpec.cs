using System.Collections.Immutable;

namespace MultiWallet.Model.Vocabulary;

/// <summary>
/// One server wallet. <see cref="Held"/> is what it can really pay with (certificates it holds);
/// <see cref="Advertised"/> is what it answers to a live brand query (E5/E6) — they differ for a lying
/// or misconfigured server, and the model keeps both so a lie surfaces as BrandNotHeld, never a wrong payment.
/// </summary>
public sealed record WalletSpec(string Name, ImmutableSortedSet<Brand> Held, ImmutableSortedSet<Brand> Advertised, bool Down = false)
{
    /// <summary>An honest wallet: advertises exactly what it holds.</summary>
    /// <summary>
    /// Accepts a connection but never answers: every sender waits its bounded wait and gives up. For routing this is
    /// the same as <see cref="Down"/> (DECISIONS.md, "Unreachable while routing"); only the world's time differs.
    /// </summary>
    public bool Silent { get; init; }

    public static WalletSpec Honest(string name, params Brand[] held) => new(name, Brands.Of(held), Brands.Of(held));

    public override string ToString() =>
        $"{Name} held={Brands.Print(Held)} advertised={Brands.Print(Advertised)}{(Down ? " DOWN" : "")}{(Silent ? " SILENT" : "")}";
}
