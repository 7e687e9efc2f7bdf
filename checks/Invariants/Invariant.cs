using MultiWallet.Impl.Client;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;
using MultiWallet.Checks.Bridge;

namespace MultiWallet.Checks.Invariants;

/// <summary>
/// One invariant: applies to some embodiments, evaluates one executed case (adding the classes it saw) and returns
/// the violation or null. <see cref="Required"/> are classes that must have been generated (else the property is vacuous).
/// </summary>
public sealed record Invariant(string Id, string Title, IReadOnlyList<Embodiment> Embodiments, Func<Case, ICollection<string>, string?> Eval, IReadOnlyList<string> Required)
{
    public bool Applies(Embodiment e) => Embodiments.Contains(e);
}

/// <summary>The invariants of SPEC.md §3, each over one shared execution of a generated scenario.</summary>
public static class Invariants
{
    private static readonly Embodiment[] All = Enum.GetValues<Embodiment>();
    private static bool Knowledge(Embodiment e) => e is >= Embodiment.E3 and <= Embodiment.E8 or Embodiment.E11;

    /// <summary>Each wake-up of a case with the environment as it was when it ran.</summary>
    private static IEnumerable<(WakeUpResult W, WorldState S)> WakeUps(Case c)
    {
        var states = WorldState.Walk(c.Scenario.Topology, c.Scenario.Steps).ToList();
        foreach (var w in c.Result!.WakeUps) yield return (w, states[w.StepIndex].State);
    }

    private static IEnumerable<DecisionEvent> Decisions(WakeUpResult w, string actor, string what) =>
        w.Events.OfType<DecisionEvent>().Where(d => d.Actor == actor && d.What == what);

    private static bool Sent(WakeUpResult w, string kind) => w.Events.OfType<MessageEvent>().Any(m => m.Kind == kind);

    public static readonly Invariant Conform = new("INV-CONFORM", "implementation outcome and abstract trace equal the model's prediction", All, (c, cls) =>
    {
        if (c.Crash is not null) return "run crashed: " + c.Crash;
        foreach (var w in c.Result!.WakeUps) cls.Add(w.ImplOutcome is Outcome.Paid ? "paid" : "refused:" + ((Outcome.Refused)w.ImplOutcome).Reason);
        return c.Result.FirstDivergence?.Divergence;
    }, ["paid", "refused:NoCapableWallet", "refused:BrandNotHeld", "refused:Replay"]);

    public static readonly Invariant RouteSound = new("INV-ROUTE-SOUND", "every payment uses exactly the wake-up's brand, by an entitled wallet listed by the routing knowledge", All, (c, cls) =>
    {
        if (c.Result is null) return null;
        var e = c.Scenario.Topology.Embodiment;
        foreach (var (w, s) in WakeUps(c))
        {
            if (w.Raw is not Paid p) continue;
            cls.Add("paid");
            if (p.Brand != w.Wake.Brand.Name) return $"step #{w.StepIndex}: paid with {p.Brand}, wake-up named {w.Wake.Brand}";
            var auth = Decisions(w, "gateway", "Authorized").ToList();
            if (auth.Count != 1 || auth[0].Detail["brand"] != w.Wake.Brand.Name) return $"step #{w.StepIndex}: gateway authorizations {string.Join(",", auth.Select(a => a.Detail["brand"]))} for a {w.Wake.Brand} payment";
            var payer = p.Wallet;
            if (e == Embodiment.E8 && payer == WalletNames.Msw && !s.Holds(WalletNames.Msw, w.Wake.Brand))
            {
                var rel = w.Events.OfType<DecisionEvent>().FirstOrDefault(d => d.What == "CredentialReleased");
                if (rel is null) return $"step #{w.StepIndex}: MSW paid {w.Wake.Brand} it does not hold without a released credential";
                payer = rel.Actor;
                cls.Add("paid with acquired credential");
            }
            if (!s.Holds(payer, w.Wake.Brand)) return $"step #{w.StepIndex}: {payer} paid {w.Wake.Brand} but does not hold it";
            if (Knowledge(e) && payer != WalletNames.Msw && !(s.Listed(w.Wake.Brand) ?? []).Contains(payer))
                return $"step #{w.StepIndex}: {payer} paid {w.Wake.Brand} but the routing knowledge does not list it for {w.Wake.Brand}";
        }
        return null;
    }, ["paid"]);

    public static readonly Invariant RouteComplete = new("INV-ROUTE-COMPLETE", "a listed, reachable, capable wallet pays; no listed reachable wallet gives NoCapableWallet and no purchase message", All.Where(Knowledge).ToList(), (c, cls) =>
    {
        if (c.Result is null) return null;
        var accepted = new HashSet<OrderId>();
        foreach (var (w, s) in WakeUps(c))
        {
            var fresh = accepted.Add(w.Wake.Order);
            if (!fresh || w.Wake.Defect is not WakeUpDefect.NoDefect || !w.Wake.Brand.IsKnown || w.Step is Step.Replay) continue;
            if (c.Scenario.Topology.Master is { } m && (s.Down.Contains(m.Name) || s.Holds(m.Name, w.Wake.Brand))) continue;
            var reachable = (s.Listed(w.Wake.Brand) ?? []).Where(s.Reachable).ToList();
            if (reachable.Count == 0)
            {
                cls.Add("none listed");
                if (w.ImplOutcome != new Outcome.Refused(Reason.NoCapableWallet)) return $"step #{w.StepIndex}: no reachable listed wallet for {w.Wake.Brand}, outcome {w.Raw}";
                if (Sent(w, "PInitReq") || Sent(w, "PReq")) return $"step #{w.StepIndex}: NoCapableWallet but a purchase message reached the merchant";
            }
            else if (s.Holds(reachable[0], w.Wake.Brand))
            {
                cls.Add("capable listed");
                if (w.ImplOutcome is not Outcome.Paid) return $"step #{w.StepIndex}: {reachable[0]} is listed, reachable and holds {w.Wake.Brand}, outcome {w.Raw}";
            }
            else cls.Add("first listed lies");
        }
        return null;
    }, ["none listed", "capable listed"]);

    public static readonly Invariant Offer = new("INV-OFFER", "offers are exactly the embodiment's options; only listed wallets chosen; a wrong choice is refused, never paid", All, (c, cls) =>
    {
        if (c.Result is null) return null;
        var t = c.Scenario.Topology;
        var e = t.Embodiment;
        var names = t.Wallets.Select(x => x.Name).ToList();
        if (e == Embodiment.E1)
        {
            var first = c.Result.Built.User.Log.FirstOrDefault();
            if (first is null || !first.Options.SequenceEqual(names)) return $"E1 set-up offered [{string.Join(", ", first?.Options ?? [])}], expected [{string.Join(", ", names)}]";
        }
        foreach (var (w, s) in WakeUps(c))
        {
            foreach (var o in w.Abstracted.OfType<AbstractEvent.Offered>())
            {
                IReadOnlyList<string> expect = e switch { Embodiment.E9 => t.MasterSswInfo, Embodiment.E12 => t.ClientSswInfo, _ => names };
                cls.Add("offered");
                if (!o.Options.Order(StringComparer.Ordinal).SequenceEqual(expect.Distinct().Order(StringComparer.Ordinal)) || o.Options.Distinct().Count() != o.Options.Count)
                    return $"step #{w.StepIndex}: offered [{string.Join(", ", o.Options)}], the embodiment defines [{string.Join(", ", expect)}]";
            }
            if (e is >= Embodiment.E3 and <= Embodiment.E6)
                foreach (var r in w.Abstracted.OfType<AbstractEvent.Routed>())
                    if (!(s.Listed(w.Wake.Brand) ?? []).Contains(r.Wallet)) return $"step #{w.StepIndex}: {r.Decider} chose {r.Wallet}, not listed capable for {w.Wake.Brand}";
            string? chosen = e == Embodiment.E1 ? c.Scenario.Script.Preselected : w.Abstracted.OfType<AbstractEvent.Chose>().FirstOrDefault()?.Option;
            if (e == Embodiment.E10 && chosen is not null) chosen = chosen.StartsWith("ssw://", StringComparison.Ordinal) ? chosen[6..] : null;
            if (chosen is null || !s.Exists(chosen) || e is not (Embodiment.E1 or Embodiment.E2 or Embodiment.E9 or Embodiment.E10 or Embodiment.E12)) continue;
            if (e == Embodiment.E1 && w.Abstracted.OfType<AbstractEvent.Routed>().All(r => r.Wallet != chosen)) continue;
            if (s.Holds(chosen, w.Wake.Brand)) { cls.Add("right choice"); continue; }
            cls.Add("wrong choice");
            if (w.Raw is Paid p) return $"step #{w.StepIndex}: the user chose {chosen}, which lacks {w.Wake.Brand}, yet {p.Wallet} paid";
            if (w.Raw is Refused { Reason: not (RefusalReason.BrandNotHeld or RefusalReason.InvalidChoice or RefusalReason.NoChoice or RefusalReason.Replay or RefusalReason.MalformedWakeUp or RefusalReason.UnknownBrand or RefusalReason.WalletUnreachable or RefusalReason.UnknownAddress or RefusalReason.MalformedAddress) } r2)
                return $"step #{w.StepIndex}: wrong choice {chosen} ended {r2}, expected a clean refusal (BrandNotHeld; InvalidChoice for a pick that was not offered; UnknownAddress/MalformedAddress for a typed address)";
        }
        return null;
    }, ["offered", "wrong choice", "right choice"]);

    public static readonly Invariant DualSig = new("INV-DUAL-SIG", "every payment's dual signature was verified by merchant and gateway; tampering is rejected by the party that can see it", All, (c, cls) =>
    {
        if (c.Result is null) return null;
        foreach (var (w, _) in WakeUps(c))
        {
            var lid = w.Wake.Order.LidM;
            if (w.Raw is Paid)
            {
                cls.Add("paid verified");
                if (!Decisions(w, "merchant", "PReqVerified").Any(d => d.Detail["lid-m"] == lid)) return $"step #{w.StepIndex}: paid without the merchant verifying the PReq";
                if (!Decisions(w, "gateway", "Authorized").Any(d => d.Detail["lid-m"] == lid)) return $"step #{w.StepIndex}: paid without gateway authorization";
            }
            if (w.Step is Step.WakeUp { Defect: WakeUpDefect.Tampered t } && Sent(w, "PReq"))
            {
                cls.Add("tamper rejected");
                var byGateway = t.Where == TamperSite.PI;
                if (Decisions(w, "gateway", "Authorized").Any()) return $"step #{w.StepIndex}: tampered {t.Where} was authorized";
                if (byGateway ? !Decisions(w, "gateway", "Reject").Any() : !Decisions(w, "merchant", "Reject").Any())
                    return $"step #{w.StepIndex}: tampered {t.Where} not rejected by the {(byGateway ? "gateway" : "merchant")}";
                if (w.Raw is not Refused { Reason: RefusalReason.ProtocolError }) return $"step #{w.StepIndex}: tampered {t.Where} ended {w.Raw}";
            }
        }
        return null;
    }, ["paid verified", "tamper rejected"]);

    public static readonly Invariant Once = new("INV-ONCE", "at most one authorization per order; a replayed wake-up is refused and sends nothing", All, (c, cls) =>
    {
        if (c.Result is null) return null;
        var admitted = new HashSet<OrderId>();
        foreach (var (w, _) in WakeUps(c))
        {
            if (w.Facts.AuthorizationsForOrder > 1) return $"step #{w.StepIndex}: order {w.Wake.Order} authorized {w.Facts.AuthorizationsForOrder} times";
            if (w.Step is Step.Replay && admitted.Contains(w.Wake.Order))
            {
                cls.Add("replay");
                if (w.Raw is not Refused { Reason: RefusalReason.Replay }) return $"step #{w.StepIndex}: replay of {w.Wake.Order} ended {w.Raw}";
                if (w.Facts.Requests.Count > 0) return $"step #{w.StepIndex}: replay of {w.Wake.Order} sent {w.Facts.Requests[0].Kind}";
            }
            if (w.Raw is not Refused { Reason: RefusalReason.MalformedWakeUp or RefusalReason.UnknownBrand or RefusalReason.Replay }) admitted.Add(w.Wake.Order);
        }
        var total = c.Result.WakeUps.LastOrDefault()?.Facts.TotalAuthorizations ?? 0;
        return total > admitted.Count ? $"{total} authorizations for {admitted.Count} admitted orders" : null;
    }, ["replay"]);

    public static readonly Invariant Custody = new("INV-CUSTODY", "no key or PAN reaches the PC or merchant; E8: released once per order, erased after each wake-up", All, (c, cls) =>
    {
        if (c.Result is null) return null;
        var releases = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (w, _) in WakeUps(c))
        {
            cls.Add("scanned");
            if (w.Facts.SecretLeaks.Count > 0) return $"step #{w.StepIndex}: {w.Facts.SecretLeaks[0]}";
            if (w.Facts.MswAcquiredCredentialsHeld > 0) return $"step #{w.StepIndex}: MSW still holds {w.Facts.MswAcquiredCredentialsHeld} acquired credential(s) after the wake-up";
            foreach (var d in w.Events.OfType<DecisionEvent>().Where(d => d.What == "CredentialReleased"))
            {
                cls.Add("release (E8)");
                var k = d.Detail["lid-m"];
                releases[k] = releases.GetValueOrDefault(k) + 1;
                if (releases[k] > 1) return $"step #{w.StepIndex}: credential released {releases[k]} times for order {k}";
                if (d.Detail["to"] != WalletNames.Msw) return $"step #{w.StepIndex}: credential released to {d.Detail["to"]}";
            }
        }
        return null;
    }, ["scanned", "release (E8)"]);

    public static readonly Invariant Live = new("INV-LIVE", "E4 routes on the WUM installed now; E5/E6 on the SWs' brand information now", [Embodiment.E4, Embodiment.E5, Embodiment.E6], (c, cls) =>
    {
        if (c.Result is null) return null;
        var e = c.Scenario.Topology.Embodiment;
        foreach (var (w, s) in WakeUps(c))
            foreach (var q in w.Abstracted.OfType<AbstractEvent.Queried>().Where(q => q.Brands is not null))
            {
                var now = e == Embodiment.E4 ? (s.Installed.TryGetValue(q.Wallet, out var i) ? i.Brands : null) : s.Advertised.GetValueOrDefault(q.Wallet);
                if (s.Changed.Contains(q.Wallet)) cls.Add("after change");
                if (now is null || !q.Brands!.SequenceEqual(now)) return $"step #{w.StepIndex}: {q.Wallet} answered {Brands.Print(q.Brands!)}, current is {(now is null ? "none" : Brands.Print(now))}";
            }
        return null;
    }, ["after change"]);

    public static readonly Invariant BadInput = new("INV-BAD-INPUT", "a malformed, unknown-brand or tampered wake-up: typed error naming the cause, no authorization, nothing sent for malformed input; later steps (class retried) are judged by INV-CONFORM against a model in which bad input changes nothing", All, (c, cls) =>
    {
        if (c.Result is null) return null;
        var list = c.Result.WakeUps;
        for (var i = 0; i < list.Count; i++)
        {
            var w = list[i];
            if (w.Step is not Step.WakeUp wake) continue;
            var malformed = wake.Defect is WakeUpDefect.MissingField;
            var unknown = !wake.Brand.IsKnown && !malformed;
            var tampered = wake.Defect is WakeUpDefect.Tampered && Sent(w, "PReq");
            if (!malformed && !unknown && !tampered) continue;
            cls.Add(malformed ? "malformed" : unknown ? "unknown brand" : "tampered");
            if (w.Facts.AuthorizationsForOrder != 0) return $"step #{w.StepIndex}: defective wake-up authorized";
            var expect = malformed ? RefusalReason.MalformedWakeUp : unknown ? RefusalReason.UnknownBrand : RefusalReason.ProtocolError;
            if (w.Raw is not Refused r || r.Reason != expect || r.Cause.Length <= expect.ToString().Length + 2) return $"step #{w.StepIndex}: expected a typed {expect} naming the cause, got {w.Raw}";
            if ((malformed || unknown) && w.Facts.Requests.Count > 0) return $"step #{w.StepIndex}: {expect} but {w.Facts.Requests[0].Kind} was sent";
            // "No state change" for later steps is INV-CONFORM's to judge: the model's bad input changes nothing,
            // so a later step that conforms shows the defective one left no trace behind (class "retried").
            if (i + 1 < list.Count) cls.Add("retried");
        }
        return null;
    }, ["malformed", "unknown brand", "tampered", "retried"]);

    private static readonly Embodiment[] Proxies = [Embodiment.E7, Embodiment.E9, Embodiment.E10, Embodiment.E11, Embodiment.E12];

    public static readonly Invariant ProxyTransparent = new("INV-PROXY-TRANSPARENT", "through the MSW proxy the merchant receives the same PInitReq/PReq bytes and the client the same result as with a direct WUM-SSW session", Proxies, (c, cls) =>
    {
        if (c.Result is null) return null;
        var seed = c.Result.Built.World.Seed;
        var merchantSeen = false;
        foreach (var (w, s) in WakeUps(c))
        {
            var first = !merchantSeen;
            merchantSeen |= Sent(w, "PInitReq");
            if (w.Raw is not Paid p || p.Wallet == WalletNames.Msw || w.Wake.Defect is not WakeUpDefect.NoDefect) continue;
            if (!first) { cls.Add("paid by SSW, not first merchant contact (not comparable)"); continue; }
            cls.Add("compared");
            var direct = new PaymentWorld(seed);
            direct.Network.RecordRequests = true;
            direct.AddServerWallet(p.Wallet, [.. s.Held[p.Wallet].Select(b => b.Name)]);
            var outcome = direct.NewWum(p.Wallet).PayAsync(direct.WakeUp(w.Wake.Order.LidM, w.Wake.Brand.Name, w.Wake.Amount)).GetAwaiter().GetResult();
            foreach (var kind in new[] { "PInitReq", "PReq" })
            {
                var via = w.Facts.Requests.Where(m => m.Kind == kind && m.To == Address.Merchant).Select(m => TraceLog.Digest(m.Body)).ToList();
                var dir = direct.Network.Requests.Where(m => m.Kind == kind && m.To == Address.Merchant).Select(m => TraceLog.Digest(m.Body)).ToList();
                if (!via.SequenceEqual(dir)) return $"step #{w.StepIndex}: {kind} via MSW [{string.Join(",", via)}] differs from direct [{string.Join(",", dir)}]";
            }
            if (!outcome.Encode().AsSpan().SequenceEqual(w.Raw.Encode())) return $"step #{w.StepIndex}: client result via MSW {w.Raw}, direct {outcome}";
        }
        return null;
    }, ["compared"]);

    public static readonly IReadOnlyList<Invariant> AllInvariants = [Conform, RouteSound, RouteComplete, Offer, ProxyTransparent, Custody, DualSig, Once, Live, BadInput];
}
