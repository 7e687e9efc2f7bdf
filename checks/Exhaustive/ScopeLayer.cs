using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Exhaustive;

/// <summary>
/// One layer of a <see cref="ScopeBound"/>: every case of <paramref name="Shape"/> with 1 to <paramref name="Wallets"/>
/// wallets, each holding any subset of the first <paramref name="Brands"/> known brands, and (honest shape)
/// 1 to <paramref name="WakeUps"/> wake-ups. Layers are separate because their product would not fit the time budget:
/// the cases that need many wallets need few steps, and the ones that need faults need no routing choice.
/// </summary>
/// <param name="Shape">The step sequences the layer enumerates.</param>
/// <param name="Wallets">At most this many wallets (slaves beside the MSW on E7–E12).</param>
/// <param name="Brands">The known brands of the layer: the first this many of BrandA…BrandE.</param>
/// <param name="WakeUps">Exactly this many wake-up slots (the honest shape; the others have one wake-up and its retry).</param>
/// <param name="AskedWallets">At most this many wallets on an embodiment that asks the user at each wake-up (E2, E9, E10,
/// E12), whose answers multiply the cases by (wallets + 2 to 4) per wake-up; null: <paramref name="Wallets"/>.</param>
public sealed record ScopeLayer(ScopeShape Shape, int Wallets, int Brands, int WakeUps = 1, int? AskedWallets = null)
{
    /// <summary>The most wallets the layer gives an embodiment with these traits.</summary>
    public int WalletsFor(EmbodimentTraits t) =>
        t.Asks is UserPrompt.AtWakeUp or UserPrompt.TypedAddress ? Math.Min(Wallets, AskedWallets ?? Wallets) : Wallets;

    /// <summary>The layer in one line, as the evidence states it.</summary>
    public override string ToString() => Shape switch
    {
        ScopeShape.Honest => $"≤{Wallets} wallet(s){(AskedWallets is { } a && a < Wallets ? $" (≤{a} where the user is asked at each wake-up)" : "")} × {Brands} brand(s) × {WakeUps} honest wake-up(s)",
        ScopeShape.Defect => $"≤{Wallets} wallet(s) × {Brands} brand(s) × one defective wake-up and its retry",
        _ => $"≤{Wallets} wallet(s) × {Brands} brand(s) × one fault program before one wake-up, healed",
    };
}
