namespace MultiWallet.Checks.Generators;

/// <summary>
/// The merchants of a generated world (DECISIONS.md, "Several merchants"), drawn from a random stream of their own so
/// that a one-merchant world is generated exactly as it was before merchants were drawn: how many, whether the last has a
/// decline limit of its own, and which merchant each wake-up's order is at (by wake-up index).
/// </summary>
public sealed record MerchantPlan(int Count, bool Limited, IReadOnlyList<int> Picks)
{
    /// <summary>One merchant: the plain world.</summary>
    public static readonly MerchantPlan One = new(1, false, []);

    /// <summary>The merchant ids of the world; empty for one merchant (the topology then names none).</summary>
    public IReadOnlyList<string> Merchants => Count == 1 ? [] : [.. ScenarioGen.MerchantIds.Take(Count)];

    /// <summary>The merchant of the <paramref name="wake"/>-th drawn wake-up.</summary>
    public string MerchantOf(int wake) => Count == 1 || Picks.Count == 0 ? ScenarioGen.MerchantIds[0] : ScenarioGen.MerchantIds[Picks[wake % Picks.Count]];

    /// <summary>The per-merchant decline limits: the last merchant's own, when it has one.</summary>
    public IReadOnlyDictionary<string, long> DeclineAbove =>
        Count > 1 && Limited ? new Dictionary<string, long> { [ScenarioGen.MerchantIds[Count - 1]] = ScenarioGen.MerchantDeclineAbove } : new Dictionary<string, long>();
}
