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

    /// <summary>
    /// The merchants of the world, each by its merchant id, in declaration order; empty: one merchant, whatever its id.
    /// Orders are told apart by (merchant, LID-M) (<see cref="OrderId"/>): two merchants may use the same LID-M.
    /// </summary>
    public IReadOnlyList<string> Merchants { get; init; } = [];

    /// <summary>Per merchant id: the gateway declines every authorization for that merchant above this amount.</summary>
    public IReadOnlyDictionary<string, long> DeclineAboveByMerchant { get; init; } = new Dictionary<string, long>();

    /// <summary>
    /// The limit an authorization in <paramref name="brand"/> for <paramref name="merchant"/> is held to: the lowest of the
    /// gateway's, the brand's and the merchant's, or null when none is set.
    /// </summary>
    public long? DeclineLimit(Brand brand, string? merchant = null)
    {
        var limit = DeclineAbove;
        if (DeclineAboveByBrand.TryGetValue(brand, out var own)) limit = Math.Min(own, limit ?? long.MaxValue);
        if (merchant is not null && DeclineAboveByMerchant.TryGetValue(merchant, out var m)) limit = Math.Min(m, limit ?? long.MaxValue);
        return limit;
    }

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
