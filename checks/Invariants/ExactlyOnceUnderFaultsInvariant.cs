using MultiWallet.Checks.Bridge;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>
/// INV-EXACTLY-ONCE-UNDER-FAULTS over generated fault steps (drop, delay past the timeout, duplicate, at a hop of the
/// purchase, of its recovery, of a wallet session or of E8 custody; two copies of a PReq or AuthReq at once), crashes (a party restarted from what it persists once a request was handled) and heals. At every wake-up: at most one standing authorization per order. After
/// every heal, and at the end of a case whose faults all healed (or that had none): (a) no authorization lost —
/// a standing one is known to the merchant (order Paid) and the user was told Paid; (b) none duplicated; (c) the
/// user's final answer (the wake-up's, or what the PC learned by re-inquiring on heal) is Paid exactly when the
/// gateway holds a standing authorization. The PC's re-inquiry answers must equal the model's prediction.
/// Classes: the fault that fired (kind@position, read from the trace), per embodiment family, and what heals did.
/// </summary>
internal sealed class ExactlyOnceUnderFaultsInvariant : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-EXACTLY-ONCE-UNDER-FAULTS";
    /// <inheritdoc/>
    public override string Title => "generated drops, delays past the timeout, duplicates (one after the other, and PReq/AuthReq copies at the same time) at every hop of a purchase, its recovery, the wallet sessions and E8 custody, crashes and restarts of merchant, gateway, wallet, master, slave, custodian and the user PC, then heals: no authorization lost or duplicated, and the user's final answer equals the gateway's record";
    /// <inheritdoc/>
    public override IReadOnlyList<string> Requirements => [Id, "INV-ONCE", "INV-CONFORM"];
    /// <inheritdoc/>
    public override int Order => 11;

    /// <summary>
    /// Every fault kind at every purchase hop, two copies at once of a PReq and of an AuthReq, a fault at every recovery hop,
    /// every fault kind and every wallet-session and custody hop, faults in each embodiment family, and an unknown outcome
    /// resolved by a heal.
    /// </summary>
    public override IReadOnlyList<string> Required =>
    [
        .. new[] { FaultKind.Drop, FaultKind.Delay, FaultKind.Duplicate }.SelectMany(k => new[] { FaultPosition.PInitReq, FaultPosition.PReq, FaultPosition.AuthReq }.Select(p => $"{k}@{p}")),
        .. Generators.ScenarioGen.ConcurrentAt.Select(p => $"{FaultKind.Concurrent}@{p}"),
        "recovery@InqReq", "recovery@AuthInqReq", "recovery@AuthRevReq",
        .. SessionClasses,
        "faulted:client", "faulted:proxy", "faulted:custody", "outcome-unknown", "heal:unknown-resolved",
        .. CrashClasses,
    ];

    /// <summary>Each wallet-session and custody hop faulted (<see cref="Generators.ScenarioGen.SessionHops"/>), each fault kind on one of them, and in each embodiment family.</summary>
    public static readonly IReadOnlyList<string> SessionClasses =
    [
        .. new[] { FaultPosition.WalletStart, FaultPosition.WalletDeliver, FaultPosition.BrandQuery, FaultPosition.SlaveStart, FaultPosition.SlaveDeliver, FaultPosition.Custody }.Select(p => $"session@{p}"),
        .. new[] { FaultKind.Drop, FaultKind.Delay, FaultKind.Duplicate }.Select(k => $"session:{k}"),
        "session:client", "session:proxy", "session:custody",
    ];

    /// <summary>The user PC's crash points (<see cref="Generators.ScenarioGen.PcCrashPoints"/>), by class.</summary>
    public static readonly IReadOnlyList<string> PcCrashClasses = ["crash:pc@WalletStart", "crash:pc@PInitReq", "crash:pc@PReq", "crash:pc@WalletDeliver"];

    /// <summary>
    /// Classes that fire only in a purchase the master proxies or acquires for, or only on two embodiments, which 16 cases per
    /// embodiment (the test budget) do not always reach: a slave's or the custodian's crash, a fault on the slave's Deliver, the
    /// custody hop, or a brand query; and each of the PC's four crash points (a PC crash, <c>crash:pc</c>, is required at every
    /// budget). The default budget (1000) generates each dozens of times; below 100 they are not required.
    /// </summary>
    public static readonly IReadOnlyList<string> RareAtTestBudget =
        ["crash:slave@PReq", "crash:custodian@Custody", "session@SlaveDeliver", "session@Custody", "session@BrandQuery", .. PcCrashClasses];

    /// <inheritdoc/>
    public override IReadOnlyList<string> RequiredFor(int perEmbodiment) => perEmbodiment >= 100 ? Required : [.. Required.Except(RareAtTestBudget)];

    /// <summary>Every generated crash point (party@request, <see cref="Generators.ScenarioGen.CrashPoints"/>), and a crash in each embodiment family.</summary>
    public static readonly IReadOnlyList<string> CrashClasses =
    [
        "crash:merchant@PReq", "crash:merchant@AuthReq", "crash:gateway@AuthReq", "crash:wallet@PInitReq", "crash:wallet@PReq", "crash:master@PReq",
        "crash:slave@PReq", "crash:custodian@Custody", "crash:client", "crash:proxy", "crash:custody",
        "crash:pc", .. PcCrashClasses,
    ];


    /// <summary>The role of a restarted party's address in a crash class: merchant, gateway, the user PC, the master, a slave (E7, E9–E12), the custodian (E8) or the wallet (E1–E6).</summary>
    private static string Role(string address, EmbodimentTraits t) => address switch
    {
        "merchant" => "merchant",
        "gateway" => "gateway",
        "pc" => "pc",
        _ when address == "sw://" + WalletNames.Msw => "master",
        _ => t.AcquiresCredential ? "custodian" : t.IsMasterSlave ? "slave" : "wallet",
    };

    /// <summary>Where a fault decision says it hit: the position it names (a session hop), else the request kind.</summary>
    private static string At(DecisionEvent d) => d.Detail.TryGetValue("at", out var at) ? at : d.Detail["kind"];

    private static string Family(EmbodimentTraits t) => !t.IsMasterSlave ? "client" : t.AcquiresCredential ? "custody" : "proxy";

    /// <inheritdoc/>
    public override string? Eval(Case c, ICollection<string> cls)
    {
        if (c.Result is null) return null;
        var r = c.Result;
        var told = new Dictionary<string, PaymentOutcome>(StringComparer.Ordinal);
        var wakes = r.WakeUps.ToList();
        var heals = r.Heals.ToList();
        var next = 0;
        foreach (var h in heals)
        {
            for (; next < wakes.Count && wakes[next].StepIndex < h.StepIndex; next++)
                if (Wake(wakes[next], told, cls, r.Topology.Traits) is { } v) return v;
            if (h.Divergence is { } d) return d;
            if (h.Swept > 0) cls.Add("heal:merchant-settled");
            foreach (var (lid, o) in h.Resolved) { told[lid] = o; cls.Add("heal:unknown-resolved"); }
            if (Agree($"after step #{h.StepIndex} Heal", h.Orders, told) is { } bad) return bad;
        }
        for (; next < wakes.Count; next++)
            if (Wake(wakes[next], told, cls, r.Topology.Traits) is { } v) return v;
        if (r.Hang is not null || r.Inconclusive is not null) return null;
        // At the end: judged when no fault is left unhealed (a case without faults included).
        var lastHeal = heals.Count == 0 ? -1 : heals[^1].StepIndex;
        if (r.Steps.Select((s, i) => (s, i)).Any(x => x.s is Step.Fault && x.i > lastHeal)) return null;
        return Agree("at the end", r.Built.OrderFacts(), told);
    }

    /// <summary>One wake-up: its answer is what the user was told; at most one standing authorization; its faults classed.</summary>
    private static string? Wake(WakeUpConformance w, Dictionary<string, PaymentOutcome> told, ICollection<string> cls, EmbodimentTraits traits)
    {
        var family = Family(traits);
        foreach (var d in w.Events.OfType<DecisionEvent>().Where(d => d.Actor == "fault" && d.What == TraceDecisions.Crash))
        {
            var role = Role(d.Detail["party"], traits);
            cls.Add($"crash:{role}@{At(d)}");
            cls.Add("crash:" + (role == "pc" ? "pc" : family));
        }
        if (w.Step is Step.WakeUp) told[ImplBuilder.Key(w.Wake.Order)] = w.Raw;
        if (w.Wake.Order.Merchant != ImplBuilder.Merchant && w.Events.OfType<DecisionEvent>().Any(d => d.Actor == "fault")) cls.Add("faulted:other merchant");
        if (w.Facts.AuthorizationsForOrder > 1) return $"step #{w.StepIndex}: order {w.Wake.Order} has {w.Facts.AuthorizationsForOrder} standing authorizations";
        var fired = w.Events.OfType<DecisionEvent>().Where(d => d.Actor == "fault" && d.What is TraceDecisions.Drop or TraceDecisions.Delay or TraceDecisions.Duplicate or TraceDecisions.Concurrent).ToList();
        foreach (var d in fired)
        {
            if (d.Detail.ContainsKey("at")) { cls.Add($"session@{At(d)}"); cls.Add($"session:{d.What}"); cls.Add("session:" + family); }
            else cls.Add($"{d.What}@{d.Detail["kind"]}");
        }
        if (fired.Count > 0) cls.Add("faulted:" + family);
        foreach (var d in fired.Where(d => d.Detail["kind"] is "InqReq" or "AuthInqReq" or "AuthRevReq")) cls.Add("recovery@" + d.Detail["kind"]);
        if (fired.Count > 0 && w.Raw is Refused { Cause: var cause } && cause.StartsWith(Impl.Client.UnknownOutcomes.UnknownCause, StringComparison.Ordinal)) cls.Add("outcome-unknown");
        return null;
    }

    /// <summary>(a), (b), (c) for every order the user was told about.</summary>
    private static string? Agree(string when, IReadOnlyDictionary<string, OrderFacts> orders, Dictionary<string, PaymentOutcome> told)
    {
        foreach (var (lid, f) in orders.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (f.Standing > 1) return $"{when}: order {lid} has {f.Standing} standing authorizations (gateway {f.Gateway}, merchant {f.Merchant})";
            if (!told.TryGetValue(lid, out var answer)) continue;
            if (f.Standing == 1 && f.Merchant != "Paid") return $"{when}: order {lid} authorized at the gateway but the merchant's order is {f.Merchant} (user told {answer})";
            if ((answer is Paid) != (f.Standing == 1))
                return $"{when}: order {lid}: the user's final answer is {answer}, the gateway's record is {f.Gateway ?? "none"} ({f.Standing} standing), merchant {f.Merchant}";
        }
        return null;
    }
}
