using MultiWallet.Impl.Client;
using MultiWallet.Impl.Client.Selection;
using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Routing;
using MultiWallet.Impl.Server.Master;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Faults;

/// <summary>
/// Wrong components, substituted through <see cref="EmbodimentWorld.Parts"/> (no switch in impl/). Each is the faithful
/// component with one decision changed.
/// </summary>
public static class SeededFaults
{
    private const string Pc = "pc";

    // ---------- client side (E1–E6) ----------

    /// <summary>E1: registration is asked (so the user script is consumed) but every wake-up goes to the first WUM.</summary>
    private sealed class FirstWumIgnoringRegistration(EmbodimentWorld e) : ISelectorRouting
    {
        private readonly PreselectedRouting inner = Register(e);
        private static PreselectedRouting Register(EmbodimentWorld e) { var p = new PreselectedRouting(e.WalletNames, e.Net.Trace); p.Register(e.User); return p; }
        public string Embodiment => "E1";
        public Task<RoutingPlan> PlanAsync(WakeUp w, CancellationToken ct)
        {
            RoutingTrace.Routed(e.Net.Trace, "fault", e.WalletNames[0], "fault: first WUM"); // decision visible in the raw trace only
            return Task.FromResult(RoutingPlan.Only(e.WalletNames[0], "registered by user"));
        }
    }

    /// <summary>Wraps a plan-producing routing and rewrites its plan.</summary>
    private sealed class PlanRewrite(ISelectorRouting inner, Func<WakeUp, RoutingPlan, RoutingPlan> rewrite) : ISelectorRouting
    {
        public string Embodiment => inner.Embodiment;
        public async Task<RoutingPlan> PlanAsync(WakeUp w, CancellationToken ct) => rewrite(w, await inner.PlanAsync(w, ct).ConfigureAwait(false));
    }

    /// <summary>E5: the first answer of each SW is cached and reused at every later wake-up (violates INV-LIVE).</summary>
    private sealed class CachingBrandQuery(EmbodimentWorld e) : ISelectorRouting
    {
        private readonly Dictionary<string, IReadOnlyList<string>?> cache = new(StringComparer.Ordinal);
        public string Embodiment => "E5";
        public async Task<RoutingPlan> PlanAsync(WakeUp w, CancellationToken ct)
        {
            var capable = new List<string>();
            foreach (var wallet in e.WalletNames)
            {
                if (!cache.TryGetValue(wallet, out var brands))
                {
                    try
                    {
                        var reply = await e.Net.SendAsync(new NetMessage(Address.Pc, Address.ServerWallet(wallet), WalletProtocol.BrandQuery, [], NetMessage.NoFields), ct).ConfigureAwait(false);
                        brands = reply.Kind == WalletProtocol.Brands ? WalletProtocol.DecodeBrands(reply.Body) : null;
                    }
                    catch (Exception ex) when (ex is NetworkException or SetException) { brands = null; }
                    cache[wallet] = brands;
                }
                RoutingTrace.Queried(e.Net.Trace, "selector", wallet, brands, "E5: cached brand query (fault)");
                if (brands is not null && brands.Contains(w.Brand)) capable.Add(wallet);
            }
            return RoutingPlan.FirstReachable(capable, $"E5: SW answered it holds {w.Brand}");
        }
    }

    private static ISelectorRouting Live(EmbodimentWorld e, string emb, string actor) => new LiveBrandQueryRouting(e.Net, Address.Pc, e.WalletNames, emb, actor);

    private static IReadOnlyList<(string Wallet, IReadOnlySet<string> Brands)> Table(EmbodimentWorld e) => e.Topology.Knowledge.BrandSets;

    // ---------- master side (E7–E12) ----------

    private sealed class SlavePlan(string emb, Func<WakeUp, ClientInfo?, CancellationToken, Task<RoutingPlan>> plan) : ISlaveRouting
    {
        public string Embodiment => emb;
        public Task<RoutingPlan> PlanAsync(WakeUp w, ClientInfo? info, CancellationToken ct) => plan(w, info, ct);
    }

    private static async Task<string?> Ask(EmbodimentWorld e, WakeUp w, string kind, string q, IReadOnlyList<string> options, CancellationToken ct)
    {
        var master = Address.ServerWallet(EmbodimentWorld.MasterName);
        try { return await UserPortProtocol.AskAsync(e.Net, master, Address.Pc, e.UserPortKey(master), w, kind, q, options, ct).ConfigureAwait(false); }
        catch (Exception ex) when (ex is NetworkException or SetException) { return null; }
    }

    /// <summary>A client/master network decorator rewriting requests (a dishonest proxy hop).</summary>
    private sealed class RewritingNetwork(INetwork inner, Func<NetMessage, NetMessage> rewrite) : INetwork
    {
        public TimeSpan Timeout => inner.Timeout;
        public TraceLog Trace => inner.Trace;
        public ITimeSource Time => inner.Time;
        public void Listen(Address at, Func<NetMessage, CancellationToken, Task<NetMessage>> handler) => inner.Listen(at, handler);
        public Task<NetMessage> SendAsync(NetMessage request, CancellationToken ct = default) => inner.SendAsync(rewrite(request), ct);
    }

    private static NetMessage RaiseAmountToSlave(NetMessage m)
    {
        if (m.Kind != WalletProtocol.Start || m.To.WalletName is not { } n || !n.StartsWith("SSW-", StringComparison.Ordinal)) return m;
        try { var w = WakeUp.Decode(m.Body); return m with { Body = (w with { Amount = w.Amount + 1 }).Encode() }; }
        catch (SetException) { return m; }
    }

    /// <summary>A gate that remembers no order: every wake-up is admitted afresh, replays included (INV-ONCE).</summary>
    private sealed class ForgetfulGate(TraceLog trace, string actor) : IWakeUpGate
    {
        public (WakeUp?, Refused?) Admit(byte[] bytes) => new WakeUpGate(trace, actor).Admit(bytes);
    }

    /// <summary>
    /// A gate that half-applies bad input: it records the order as accepted BEFORE checking the brand, so an
    /// unknown-brand wake-up is refused yet consumes its order (INV-BAD-INPUT: "changes nothing").
    /// </summary>
    private sealed class HalfApplyingGate(TraceLog trace, string actor) : IWakeUpGate
    {
        private readonly HashSet<(string, string)> seen = [];
        private readonly WakeUpGate inner = new(trace, actor);

        public (WakeUp?, Refused?) Admit(byte[] bytes)
        {
            WakeUp w;
            try { w = WakeUp.Decode(bytes); }
            catch (SetException) { return inner.Admit(bytes); }
            var first = seen.Add(w.OrderId);
            if (!MultiWallet.Impl.Crypto.Brands.IsKnown(w.Brand)) return inner.Admit(bytes);
            return first ? inner.Admit(bytes) : (null, Refused.Because(RefusalReason.Replay, null, $"order {w.MerchantId}/{w.LidM} already seen at {actor}"));
        }
    }

    /// <summary>E8: the master says it erased the acquired credential but keeps it (INV-CUSTODY).</summary>
    private sealed class KeepingCredentials : IAcquiredCredentials
    {
        private readonly AcquiredCredentials inner = new();
        public void Hold(string session, MultiWallet.Impl.Crypto.CardholderCredential credential) => inner.Hold(session, credential);
        public bool Erase(string session) => inner.Count > 0; // reports erasure, drops nothing
        public int Count => inner.Count;
    }

    public static readonly IReadOnlyList<SeededFault> All =
    [
        new("FAULT-E3-REPLAY-ACCEPTED", Embodiment.E3, "the selector's gate remembers no order: a replayed wake-up is admitted and routed again", ["INV-ONCE", "INV-CONFORM"],
            new() { Gate = (t, name) => new ForgetfulGate(t, name) }),
        new("FAULT-E11-BAD-INPUT-HALF-APPLIED", Embodiment.E11, "the WUM's gate records the order before checking the brand: an unknown-brand wake-up is refused but consumes its order", ["INV-BAD-INPUT", "INV-CONFORM"],
            new() { Gate = (t, name) => new HalfApplyingGate(t, name) }),
        new("FAULT-E8-KEEPS-CREDENTIAL", Embodiment.E8, "E8 MSW reports the acquired credential erased but keeps it", ["INV-CUSTODY"],
            new() { AcquiredCredentials = () => new KeepingCredentials() }),
        new("FAULT-E1-FIRST-WUM", Embodiment.E1, "E1 selector routes every wake-up to the first WUM, ignoring the user's registration", ["INV-CONFORM", "INV-OFFER"],
            new() { SelectorRouting = e => new FirstWumIgnoringRegistration(e) }),
        new("FAULT-E2-OFFERS-SUBSET", Embodiment.E2, "E2 selector offers every WUM but the last", ["INV-OFFER", "INV-CONFORM"],
            new() { SelectorRouting = e => new AskAtWakeUpRouting(e.WalletNames.Count > 1 ? e.WalletNames.Take(e.WalletNames.Count - 1).ToList() : e.WalletNames, e.User, e.Net.Trace) }),
        new("FAULT-E3-IGNORES-BRAND", Embodiment.E3, "E3 selector routes to the first WUM of its table whatever brands it lists", ["INV-ROUTE-SOUND", "INV-OFFER", "INV-CONFORM"],
            new() { SelectorRouting = e => new PlanRewrite(new SelectorTableRouting(Table(e), e.Net.Trace), (w, p) => Table(e).Count == 0 ? p : RoutingPlan.FirstReachable(Table(e).Select(t => t.Item1).ToList(), p.Reason)) }),
        new("FAULT-E3-NO-SKIP", Embodiment.E3, "E3 selector treats its first listed WUM as the only one: an unreachable one is not skipped", ["INV-ROUTE-COMPLETE", "INV-CONFORM"],
            new() { SelectorRouting = e => new PlanRewrite(new SelectorTableRouting(Table(e), e.Net.Trace), (w, p) => p.Refusal is null ? p with { Exclusive = true } : p) }),
        new("FAULT-E4-STALE-WUM", Embodiment.E4, "E4 selector keeps the brand information of the WUMs installed at start; re-downloads are ignored", ["INV-LIVE", "INV-CONFORM"],
            new() { SelectorRouting = e => { var r = new WumBrandInfoRouting(e.Net.Trace, e.WalletNames); foreach (var (w, v, b) in e.Topology.Knowledge.Wums) r.Install(new BrandCarryingWum(w, v, b.ToHashSet())); return r; } }),
        new("FAULT-E5-CACHES", Embodiment.E5, "E5 selector caches each SW's brand information across wake-ups", ["INV-LIVE", "INV-CONFORM"],
            new() { SelectorRouting = e => new CachingBrandQuery(e) }),
        new("FAULT-E5-ANY-ANSWER", Embodiment.E5, "E5 selector routes to the first SW that answered the brand query, whatever brands it named", ["INV-ROUTE-SOUND", "INV-OFFER", "INV-CONFORM"],
            new() { SelectorRouting = e => new PlanRewrite(Live(e, "E5", "selector"), (w, p) =>
            {
                var answered = e.WalletNames.Where(n => !e.World.Wire.IsDown(Address.ServerWallet(n))).ToList();
                return answered.Count == 0 ? p : RoutingPlan.FirstReachable(answered, p.Reason);
            }) }),
        new("FAULT-E6-LAST-CAPABLE", Embodiment.E6, "E6 multi-server WUM opens the session with the last capable SW instead of the first", ["INV-CONFORM"],
            new() { SelectorRouting = e => new PlanRewrite(Live(e, "E6", "WUM(multi)"), (w, p) => p with { Candidates = p.Candidates.Reverse().ToList() }) }),
        new("FAULT-E7-SLAVE-LACKS-BRAND", Embodiment.E7, "E7 MSW routes to the first slave NOT listed for the brand", ["INV-ROUTE-SOUND", "INV-CONFORM"],
            new() { SlaveRouting = e => new SlavePlan("E7", (w, _, _) => Task.FromResult(RoutingPlan.FirstReachable(e.WalletNames.Where(n => !Table(e).Any(t => t.Item1 == n && t.Item2.Contains(w.Brand))).ToList(), "fault"))) }),
        new("FAULT-E7-PROXY-AMOUNT", Embodiment.E7, "E7 proxy hop raises the amount of the wake-up it forwards to the slave by one", ["INV-PROXY-TRANSPARENT", "INV-CONFORM"],
            new() { ClientNetwork = n => new RewritingNetwork(n, RaiseAmountToSlave) }),
        new("FAULT-E8-IGNORES-INFO", Embodiment.E8, "E8 MSW asks every slave in registration order for the credential, ignoring its brand information", ["INV-ROUTE-SOUND", "INV-CONFORM"],
            new() { SlaveRouting = e => new SlavePlan("E8", (w, _, _) => Task.FromResult(RoutingPlan.FirstReachable(e.WalletNames.ToList(), "fault"))) }),
        new("FAULT-E9-OFFERS-ALL", Embodiment.E9, "E9 MSW offers every slave, not only those of its SSW information", ["INV-OFFER", "INV-CONFORM"],
            new() { SlaveRouting = e => new UserPickSlaveRouting("E9", e.WalletNames, e.Net, Address.ServerWallet(EmbodimentWorld.MasterName), Address.Pc, e.UserPortKey(Address.ServerWallet(EmbodimentWorld.MasterName))) }),
        new("FAULT-E10-FALLBACK-FIRST", Embodiment.E10, "E10 MSW falls back to the first slave when the typed address is malformed", ["INV-CONFORM", "INV-OFFER"],
            new() { SlaveRouting = e => new SlavePlan("E10", async (w, _, ct) =>
            {
                var typed = await Ask(e, w, UserPortProtocol.TypeAddress, $"Address of the slave wallet for {w.Brand}?", [], ct).ConfigureAwait(false);
                RoutingTrace.Chose(e.Net.Trace, "MSW", typed);
                if (typed is null) return RoutingPlan.Refuse(Refused.Because(RefusalReason.NoChoice, null, "E10: the user typed no address"));
                if (!typed.StartsWith("ssw://", StringComparison.Ordinal)) return RoutingPlan.Only(e.WalletNames[0], "fault: fallback");
                return RoutingPlan.Only(typed[6..], $"E10: the address the user typed ({typed})");
            }) }),
        new("FAULT-E11-IGNORES-CLIENT-INFO", Embodiment.E11, "E11 MSW ignores the brand information the WUM sent and tries every slave in order", ["INV-ROUTE-SOUND", "INV-CONFORM"],
            new() { SlaveRouting = e => new SlavePlan("E11", (w, _, _) => Task.FromResult(RoutingPlan.FirstReachable(e.WalletNames.ToList(), "fault"))) }),
        new("FAULT-E12-IGNORES-CHOICE", Embodiment.E12, "E12 MSW asks the user but proxies to the first offered slave", ["INV-OFFER", "INV-CONFORM"],
            new() { SlaveRouting = e => new SlavePlan("E12", async (w, info, ct) =>
            {
                var options = info?.SswInfo ?? [];
                RoutingTrace.Offered(e.Net.Trace, "MSW", options, "E12: SSW information sent by the WUM");
                var pick = await Ask(e, w, UserPortProtocol.Choose, $"Which slave wallet should pay with {w.Brand}?", options, ct).ConfigureAwait(false);
                RoutingTrace.Chose(e.Net.Trace, "MSW", pick);
                if (pick is null) return RoutingPlan.Refuse(Refused.Because(RefusalReason.NoChoice, null, "E12: no choice"));
                if (!options.Contains(pick)) return RoutingPlan.Refuse(Refused.Because(RefusalReason.InvalidChoice, pick, "E12: not offered"));
                return RoutingPlan.Only(options[0], "E12: the slave the user chose");
            }) }),
        new("FAULT-E9-TAMPERING-PROXY", Embodiment.E9, "E9 proxy hop flips a bit of the order description of the wake-up it forwards to the slave", ["INV-PROXY-TRANSPARENT", "INV-CONFORM"],
            new() { ClientNetwork = n => new RewritingNetwork(n, m =>
            {
                if (m.Kind != WalletProtocol.Start || m.To.WalletName is not { } s || !s.StartsWith("SSW-", StringComparison.Ordinal)) return m;
                try { var w = WakeUp.Decode(m.Body); return m with { Body = (w with { OrderDesc = w.OrderDesc + "!" }).Encode() }; } catch (SetException) { return m; }
            }) }),
        .. RecoveryFaults.Detectable,
        .. RecoveryFaults.UnderFaults.Select(a => a.Fault),
        .. RecoveryFaults.UnderCrashes,
        .. RetentionFaults.Detectable,
        .. AttackFaults.All,
    ];
}
