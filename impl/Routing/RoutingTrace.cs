using MultiWallet.Impl.Network;

namespace MultiWallet.Impl.Routing;

/// <summary>The decision events routing strategies write, named as the model's abstract events are.</summary>
public static class RoutingTrace
{
    /// <summary>Records the options offered to the user.</summary>
    public static void Offered(TraceLog t, string actor, IEnumerable<string> options, string reason) =>
        t.Decide(actor, TraceDecisions.Offered, new Dictionary<string, string> { ["options"] = string.Join(',', options) }, reason);

    /// <summary>Records the user's answer.</summary>
    public static void Chose(TraceLog t, string actor, string? choice) =>
        t.Decide(actor, TraceDecisions.Chose, new Dictionary<string, string> { ["choice"] = choice ?? "(none)" }, "the user's answer");

    /// <summary>Records the brands a wallet is said to hold (null: it did not answer).</summary>
    public static void Queried(TraceLog t, string actor, string wallet, IReadOnlyList<string>? brands, string source) =>
        t.Decide(actor, TraceDecisions.Queried, new Dictionary<string, string> { ["wallet"] = wallet, ["brands"] = brands is null ? "unreachable" : string.Join(',', brands) }, source);

    /// <summary>Records the wallet the session goes to.</summary>
    public static void Routed(TraceLog t, string actor, string wallet, string reason) =>
        t.Decide(actor, TraceDecisions.Routed, new Dictionary<string, string> { ["wallet"] = wallet }, reason);

    /// <summary>Records a wallet skipped because it did not answer.</summary>
    public static void Skipped(TraceLog t, string actor, string wallet, string reason) =>
        t.Decide(actor, TraceDecisions.Skipped, new Dictionary<string, string> { ["wallet"] = wallet }, reason);
}
