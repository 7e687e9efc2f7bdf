using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Bridge;

/// <summary>
/// Abstracts the implementation's trace of one wake-up to the model's <see cref="AbstractEvent"/> list.
/// Rules (each a documented normalisation, never a rewrite of a decision):
/// <list type="bullet">
/// <item>The first event is WakeUp(order, brand) of the step (the model emits it even for a wake-up the entry point refuses).</item>
/// <item>Offered/Chose/Routed/ProxyHop/CredentialReleased/CredentialErased map one to one; Routed keeps decider and wallet
/// (its why-text is replaced by the model's, so only decider+wallet are compared); actors: selector→Selector, WUM(multi)→WUM.</item>
/// <item>The conventional WUM's "Routed" to its paired wallet is not a decision of the model: dropped.</item>
/// <item>Queried: kept for live/installed queries (E4, E5, E6); reading a static table (E3, E7, E8, E11) is not a query in the model: dropped.</item>
/// <item>Routed(w) immediately followed by Skipped(w) (no answer at session open) → Queried(w, unreachable).</item>
/// <item>SET messages (PInitReq … PRes, and under faults InqReq/InqRes, AuthInqReq/AuthInqRes, AuthRevReq/AuthRevRes) → Msg(kind);
/// every other message (an Error answer included) and decision is dropped.</item>
/// <item>Last: Outcome(the implementation's outcome as a model outcome).</item>
/// </list>
/// </summary>
public static class TraceAbstraction
{
    private static readonly HashSet<string> SetKinds = [.. Enum.GetNames<MsgKind>()];

    public static Outcome ToModel(PaymentOutcome o) => o switch
    {
        Paid p => new Outcome.Paid(p.Wallet, new Brand(p.Brand)),
        Refused r => new Outcome.Refused(Enum.Parse<Reason>(r.Reason.ToString()), r.Wallet),
        _ => throw new ArgumentException($"unknown outcome {o}"),
    };

    public static string Actor(string actor) => actor switch
    {
        "selector" => "Selector",
        _ when actor.StartsWith("WUM(", StringComparison.Ordinal) => "WUM",
        _ => actor,
    };

    private static string Wallet(string w) => w.StartsWith("sw://", StringComparison.Ordinal) ? w[5..] : w;

    public static IReadOnlyList<AbstractEvent> Abstract(Embodiment e, Step.WakeUp wake, IEnumerable<TraceEvent> events, PaymentOutcome outcome, IReadOnlyList<AbstractEvent>? modelEvents = null)
    {
        var whys = (modelEvents ?? []).OfType<AbstractEvent.Routed>().ToList();
        var staticTable = EmbodimentTraits.Of(e).RoutesOnStaticTable;
        var list = new List<AbstractEvent> { new AbstractEvent.WakeUp(wake.Order, wake.Brand) };
        foreach (var ev in events)
        {
            switch (ev)
            {
                case MessageEvent m when SetKinds.Contains(m.Kind):
                    list.Add(new AbstractEvent.Msg(Enum.Parse<MsgKind>(m.Kind)));
                    break;
                case DecisionEvent d:
                    var f = d.Detail;
                    switch (d.What)
                    {
                        case TraceDecisions.Offered:
                            list.Add(new AbstractEvent.Offered(f.TryGetValue("options", out var o) && o.Length > 0 ? o.Split(',') : []));
                            break;
                        case TraceDecisions.Chose:
                            list.Add(new AbstractEvent.Chose(f["choice"] == "(none)" ? null : f["choice"]));
                            break;
                        case TraceDecisions.Queried when !staticTable:
                            list.Add(new AbstractEvent.Queried(f["wallet"], f["brands"] == "unreachable" ? null
                                : f["brands"].Length == 0 ? [] : f["brands"].Split(',').Select(b => new Brand(b)).ToList()));
                            break;
                        case TraceDecisions.Skipped:
                            // The attempt that got no answer is a probe in the model, not a route: Routed(w) + Skipped(w) → Queried(w, unreachable).
                            if (list.Count > 0 && list[^1] is AbstractEvent.Routed rr && rr.Wallet == f["wallet"]) list.RemoveAt(list.Count - 1);
                            list.Add(new AbstractEvent.Queried(f["wallet"], null));
                            break;
                        case TraceDecisions.Routed when !d.Actor.StartsWith("WUM-", StringComparison.Ordinal):
                            var decider = Actor(d.Actor);
                            var wallet = Wallet(f["wallet"]);
                            // why-text: not compared; take the model's text for the same (decider, wallet) so records compare equal.
                            var why = whys.FirstOrDefault(w => w.Decider == decider && w.Wallet == wallet)?.Why ?? d.Reason;
                            list.Add(new AbstractEvent.Routed(decider, wallet, why));
                            break;
                        case TraceDecisions.ProxyHop:
                            list.Add(new AbstractEvent.ProxyHop(d.Actor, Wallet(f["to"])));
                            break;
                        case TraceDecisions.CredentialReleased:
                            list.Add(new AbstractEvent.CredentialReleased(d.Actor, f["to"]));
                            break;
                        case TraceDecisions.CredentialErased:
                            list.Add(new AbstractEvent.CredentialErased(d.Actor));
                            break;
                    }
                    break;
            }
        }
        list.Add(new AbstractEvent.Ended(ToModel(outcome)));
        return list;
    }
}
