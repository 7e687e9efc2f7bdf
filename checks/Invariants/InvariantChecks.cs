using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;
using MultiWallet.Checks.Catalog;

namespace MultiWallet.Checks.Invariants;

/// <summary>Result of running one invariant over the shared executions.</summary>
public sealed record InvariantRun(Invariant Invariant, bool Violated, int CasesToDetect, Embodiment? Embodiment, string? Violation, string? Counterexample, int CounterexampleSize, string? Replay,
    Dictionary<string, int> Classes, int Cases, double Seconds);

/// <summary>The INV-* properties: one catalog entry per invariant, over all the embodiments it applies to.</summary>
internal static class InvariantChecks
{
    private static readonly string[] AllE = Enum.GetValues<Embodiment>().Select(e => e.ToString()).ToArray();

    /// <summary>Runs an invariant over the shared (cached) executions; on a violation shrinks it.</summary>
    public static InvariantRun Run(CheckContext ctx, Invariant inv, IEnumerable<Embodiment>? only = null, string partsKey = "", EmbodimentWorld.Parts? parts = null)
    {
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        int cases = 0; double seconds = 0;
        foreach (var e in (only ?? Campaign.All).Where(inv.Applies))
        {
            var (list, secs) = Campaign.Cases(ctx, e, partsKey, parts);
            seconds += secs;
            foreach (var c in list)
            {
                cases++;
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var v = inv.Eval(c, seen);
                foreach (var s in seen) classes[s] = classes.GetValueOrDefault(s) + 1;
                classes[e.ToString()] = classes.GetValueOrDefault(e.ToString()) + 1;
                if (v is null) continue;
                var (small, violation, _) = Campaign.Shrink(c.Scenario, v, x => inv.Eval(x, new HashSet<string>()), ctx.Seed, parts);
                return new InvariantRun(inv, true, cases, e, violation, small.ToString(), small.Size, Campaign.Replay(ctx, e), classes, cases, seconds);
            }
        }
        return new InvariantRun(inv, false, cases, null, null, null, 0, null, classes, cases, seconds);
    }

    public static CheckOutcome Check(CheckContext ctx, Invariant inv)
    {
        var r = Run(ctx, inv);
        var rate = r.Seconds > 0 ? r.Cases / r.Seconds : 0;
        if (r.Violated)
        {
            ctx.Log(r.Counterexample!);
            return new CheckOutcome
            {
                Passed = false, CasesRun = r.Cases, Classes = r.Classes,
                Message = $"{inv.Id} violated in {r.Embodiment} after {r.CasesToDetect} cases: {r.Violation}",
                Replay = $"{r.Replay} seed={ctx.Seed} (FsCheck Rnd(seed+embodiment, gamma), size)",
                Counterexample = r.Counterexample,
            };
        }
        var missing = inv.Required.Where(k => !r.Classes.ContainsKey(k)).ToList();
        var summary = $"{r.Cases} scenarios over {string.Join(",", inv.Embodiments)}; {rate:F1} scenarios/s (shared executions, {Campaign.PerEmbodiment(ctx)} per embodiment); classes: " +
                      string.Join(", ", r.Classes.Where(k => !k.Key.StartsWith('E')).OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}"));
        return new CheckOutcome
        {
            Passed = missing.Count == 0, CasesRun = r.Cases, Classes = r.Classes,
            Replay = $"seed={ctx.Seed} gamma={Campaign.Gamma} size={Campaign.Size}",
            Message = missing.Count == 0 ? summary : $"vacuous: class(es) never generated: {string.Join(", ", missing)}. {summary}",
        };
    }

    [Check("PROP-INV-CONFORM", Title = "generated topologies, scripts and steps: implementation outcome and abstract trace equal the model's prediction (first diverging step shown)",
        Requirements = ["INV-CONFORM"], AllEmbodiments = true, Kind = CheckKind.Property)]
    public static CheckOutcome Conform(CheckContext ctx) => Check(ctx, Invariants.Conform);

    [Check("PROP-INV-ROUTE-SOUND", Title = "every generated payment uses exactly the wake-up's brand, by an entitled wallet the routing knowledge lists",
        Requirements = ["INV-ROUTE-SOUND"], AllEmbodiments = true, Kind = CheckKind.Property)]
    public static CheckOutcome RouteSound(CheckContext ctx) => Check(ctx, Invariants.RouteSound);

    [Check("PROP-INV-ROUTE-COMPLETE", Title = "a listed reachable capable wallet pays; none listed gives NoCapableWallet with no purchase message",
        Requirements = ["INV-ROUTE-COMPLETE"], Embodiments = [Embodiment.E3, Embodiment.E4, Embodiment.E5, Embodiment.E6, Embodiment.E7, Embodiment.E8, Embodiment.E11], Kind = CheckKind.Property)]
    public static CheckOutcome RouteComplete(CheckContext ctx) => Check(ctx, Invariants.RouteComplete);

    [Check("PROP-INV-OFFER", Title = "offers are exactly the embodiment's options, only listed wallets are chosen, a wrong choice is refused",
        Requirements = ["INV-OFFER"], AllEmbodiments = true, Kind = CheckKind.Property)]
    public static CheckOutcome Offer(CheckContext ctx) => Check(ctx, Invariants.Offer);

    [Check("PROP-INV-PROXY-TRANSPARENT", Title = "MSW-proxied payments send the merchant the same PInitReq/PReq bytes and give the client the same result as a direct WUM-SSW session",
        Requirements = ["INV-PROXY-TRANSPARENT"], Embodiments = [Embodiment.E7, Embodiment.E9, Embodiment.E10, Embodiment.E11, Embodiment.E12], Kind = CheckKind.Property)]
    public static CheckOutcome Proxy(CheckContext ctx) => Check(ctx, Invariants.ProxyTransparent);

    [Check("PROP-INV-CUSTODY", Title = "no key or PAN bytes in any message to/from the PC or merchant; E8 releases once per order and erases after each wake-up",
        Requirements = ["INV-CUSTODY"], AllEmbodiments = true, Kind = CheckKind.Property)]
    public static CheckOutcome Custody(CheckContext ctx) => Check(ctx, Invariants.Custody);

    [Check("PROP-INV-DUAL-SIG", Title = "every payment was verified by merchant and gateway; generated tampering is rejected by the party that can see it",
        Requirements = ["INV-DUAL-SIG"], AllEmbodiments = true, Kind = CheckKind.Property)]
    public static CheckOutcome DualSig(CheckContext ctx) => Check(ctx, Invariants.DualSig);

    [Check("PROP-INV-ONCE", Title = "at most one authorization per order; generated replays are refused and send nothing",
        Requirements = ["INV-ONCE"], AllEmbodiments = true, Kind = CheckKind.Property)]
    public static CheckOutcome Once(CheckContext ctx) => Check(ctx, Invariants.Once);

    [Check("PROP-INV-LIVE", Title = "E4/E5/E6 route on the brand information current at wake-up time (after InstallWum/ChangeBrands)",
        Requirements = ["INV-LIVE"], Embodiments = [Embodiment.E4, Embodiment.E5, Embodiment.E6], Kind = CheckKind.Property)]
    public static CheckOutcome Live(CheckContext ctx) => Check(ctx, Invariants.Live);

    [Check("PROP-INV-BAD-INPUT", Title = "generated malformed/unknown-brand/tampered wake-ups: typed error, no authorization, nothing sent; the honest retry conforms",
        Requirements = ["INV-BAD-INPUT"], AllEmbodiments = true, Kind = CheckKind.Property)]
    public static CheckOutcome BadInput(CheckContext ctx) => Check(ctx, Invariants.BadInput);
}
