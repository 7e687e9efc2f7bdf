using MultiWallet.Impl.Network;

namespace MultiWallet.Impl.Routing;

/// <summary>The decision events routing strategies write, named as the model's abstract events are.</summary>
public static class RoutingTrace
{
    public static void Offered(TraceLog t, string actor, IEnumerable<string> options, string reason) =>
        t.Decide(actor, TraceDecisions.Offered, new Dictionary<string, string> { ["options"] = string.Join(',', options) }, reason);

    public static void Chose(TraceLog t, string actor, string? choice) =>
        t.Decide(actor, TraceDecisions.Chose, new Dictionary<string, string> { ["choice"] = choice ?? "(none)" }, "the user's answer");

    public static void Queried(TraceLog t, string actor, string wallet, IReadOnlyList<string>? brands, string source) =>
        t.Decide(actor, TraceDecisions.Queried, new Dictionary<string, string> { ["wallet"] = wallet, ["brands"] = brands is null ? "unreachable" : string.Join(',', brands) }, source);

    public static void Routed(TraceLog t, string actor, string wallet, string reason) =>
        t.Decide(actor, TraceDecisions.Routed, new Dictionary<string, string> { ["wallet"] = wallet }, reason);

    public static void Skipped(TraceLog t, string actor, string wallet, string reason) =>
        t.Decide(actor, TraceDecisions.Skipped, new Dictionary<string, string> { ["wallet"] = wallet }, reason);
}
