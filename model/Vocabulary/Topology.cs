namespace MultiWallet.Model.Vocabulary;

/// <summary>
/// The world before the first step: wallets in registration order, the master (E7–E12) and the routing
/// <see cref="Knowledge"/> of the embodiment. Knowledge entries naming no wallet of the topology behave as
/// unreachable wallets; they sort after the registered ones (ordinal).
/// </summary>
public sealed record Topology(Embodiment Embodiment, IReadOnlyList<WalletSpec> Wallets, WalletSpec? Master = null)
{
    /// <summary>The routing knowledge the embodiment starts with (its kind is <see cref="EmbodimentTraits.Knowledge"/>).</summary>
    public Knowledge Knowledge { get; init; } = Knowledge.None;

    /// <summary>The gateway declines every authorization of an amount above this (minor units); null: it approves any amount.</summary>
    public long? DeclineAbove { get; init; }

    /// <summary>Per brand: the gateway declines every authorization in that brand above this amount (besides <see cref="DeclineAbove"/>).</summary>
    public IReadOnlyDictionary<Brand, long> DeclineAboveByBrand { get; init; } = new Dictionary<Brand, long>();

    /// <summary>The limit an authorization in <paramref name="brand"/> is held to: the lower of the two, or null when neither is set.</summary>
    public long? DeclineLimit(Brand brand) =>
        DeclineAboveByBrand.TryGetValue(brand, out var own) ? Math.Min(own, DeclineAbove ?? long.MaxValue) : DeclineAbove;

    /// <summary>What the embodiment does.</summary>
    public EmbodimentTraits Traits => EmbodimentTraits.Of(Embodiment);

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
