using System.Collections.Concurrent;
using MultiWallet.Model.Vocabulary;
using MultiWallet.Properties.Catalog;
using MultiWallet.Properties.Invariants;
using Inv = MultiWallet.Properties.Invariants.Invariants;

namespace MultiWallet.Properties.Faults;

/// <summary>How (and whether) the invariant suite caught one seeded fault.</summary>
public sealed record Detection(SeededFault Fault, bool Detected, string? DetectedBy, int CasesToDetect, string? Violation, string? Counterexample, int CounterexampleSize, int CasesRun);

/// <summary>
/// Mutation testing of the suite: each seeded fault runs the invariant suite on its embodiment in the faulty world.
/// A fault counts as caught by invariant I on a case only if I is violated in the faulty world and NOT violated on
/// the same scenario in the faithful world (so known model/implementation disagreements do not count as detection).
/// Budget: <see cref="Budget"/> cases per fault, run lazily until the first detection.
/// </summary>
internal static class FaultChecks
{
    private static readonly ConcurrentDictionary<(int, int, string), Lazy<Detection>> Cache = new();

    /// <summary>
    /// Cases per fault at most: the campaign's per-embodiment budget, but never fewer than 200, because under
    /// `dotnet test` the invariant budget is small and a fault must still be found. Cases run lazily, in parallel
    /// batches, and stop at the first detection, so a caught fault costs a handful of scenarios.
    /// </summary>
    public static int Budget(CheckContext ctx) => Math.Max(200, Campaign.PerEmbodiment(ctx));

    public static Detection Detect(CheckContext ctx, SeededFault f) => Cache.GetOrAdd((ctx.Seed, ctx.Cases, f.Id), _ => new(() =>
    {
        var scenarios = Campaign.Generate(f.Embodiment, ctx.Seed, Budget(ctx));
        var invariants = Inv.AllInvariants.Where(i => i.Applies(f.Embodiment)).ToList();
        var batch = Environment.ProcessorCount * 4;
        for (var start = 0; start < scenarios.Count; start += batch)
        {
            var faulty = scenarios.Skip(start).Take(batch).AsParallel().AsOrdered()
                .Select(s => Campaign.Execute(s, ctx.Seed, f.Parts)).ToList();
            for (var j = 0; j < faulty.Count; j++)
                foreach (var inv in invariants)
                {
                    var v = inv.Eval(faulty[j], new HashSet<string>());
                    if (v is null) continue;
                    // Caught only if the faithful world passes the same invariant on the same scenario.
                    string? Caught(Case faultyCase)
                    {
                        var fv = inv.Eval(faultyCase, new HashSet<string>());
                        if (fv is null) return null;
                        return inv.Eval(Campaign.Execute(faultyCase.Scenario, ctx.Seed, null), new HashSet<string>()) is null ? fv : null;
                    }
                    if (Caught(faulty[j]) is null) continue;
                    var (small, violation, _) = Campaign.Shrink(faulty[j].Scenario, v, Caught, ctx.Seed, f.Parts, budget: 25);
                    var k = start + j + 1;
                    return new Detection(f, true, "PROP-" + inv.Id, k, violation, small.ToString(), small.Size, k);
                }
        }
        return new Detection(f, false, null, 0, null, null, 0, scenarios.Count);
    })).Value;

    private static CheckOutcome Outcome(CheckContext ctx, string id)
    {
        var f = SeededFaults.All.Single(x => x.Id == id);
        var d = Detect(ctx, f);
        var facts = new Dictionary<string, string>
        {
            ["fault.description"] = f.Description,
            ["fault.detectedBy"] = d.DetectedBy ?? "",
            ["fault.casesToDetect"] = d.CasesToDetect.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["fault.counterexample"] = d.Counterexample ?? "",
        };
        if (d.Detected) ctx.Log(d.Counterexample + "\n" + d.Violation);
        return new CheckOutcome
        {
            Passed = d.Detected, CasesRun = d.CasesRun, Facts = facts,
            Replay = $"seed={ctx.Seed} gamma={Campaign.Gamma} size={Campaign.Size}",
            Message = d.Detected ? $"caught by {d.DetectedBy} after {d.CasesToDetect} case(s): {d.Violation}" : $"NOT detected within {d.CasesRun} cases",
            Counterexample = d.Detected ? null : "(none: the suite missed this fault)",
        };
    }

    private const string K = "fault";

    [Check("FAULT-E1-FIRST-WUM", Title = "seeded: E1 selector ignores the user's registration", Requirements = ["INV-CONFORM", "INV-OFFER", "E1"], Embodiments = ["E1"], Kind = K)]
    public static CheckOutcome F1(CheckContext ctx) => Outcome(ctx, "FAULT-E1-FIRST-WUM");
    [Check("FAULT-E2-OFFERS-SUBSET", Title = "seeded: E2 selector offers a subset of the WUMs", Requirements = ["INV-OFFER", "INV-CONFORM", "E2"], Embodiments = ["E2"], Kind = K)]
    public static CheckOutcome F2(CheckContext ctx) => Outcome(ctx, "FAULT-E2-OFFERS-SUBSET");
    [Check("FAULT-E3-IGNORES-BRAND", Title = "seeded: E3 selector ignores the brand", Requirements = ["INV-ROUTE-SOUND", "INV-OFFER", "INV-CONFORM", "E3"], Embodiments = ["E3"], Kind = K)]
    public static CheckOutcome F3(CheckContext ctx) => Outcome(ctx, "FAULT-E3-IGNORES-BRAND");
    [Check("FAULT-E3-NO-SKIP", Title = "seeded: E3 selector does not skip an unreachable listed WUM", Requirements = ["INV-ROUTE-COMPLETE", "INV-CONFORM", "E3"], Embodiments = ["E3"], Kind = K)]
    public static CheckOutcome F4(CheckContext ctx) => Outcome(ctx, "FAULT-E3-NO-SKIP");
    [Check("FAULT-E4-STALE-WUM", Title = "seeded: E4 selector keeps stale WUM brand information", Requirements = ["INV-LIVE", "INV-CONFORM", "E4"], Embodiments = ["E4"], Kind = K)]
    public static CheckOutcome F5(CheckContext ctx) => Outcome(ctx, "FAULT-E4-STALE-WUM");
    [Check("FAULT-E5-CACHES", Title = "seeded: E5 selector caches brand information across wake-ups", Requirements = ["INV-LIVE", "INV-CONFORM", "E5"], Embodiments = ["E5"], Kind = K)]
    public static CheckOutcome F6(CheckContext ctx) => Outcome(ctx, "FAULT-E5-CACHES");
    [Check("FAULT-E5-ANY-ANSWER", Title = "seeded: E5 selector routes to any SW that answered, ignoring the brands it named", Requirements = ["INV-ROUTE-SOUND", "INV-OFFER", "INV-CONFORM", "E5"], Embodiments = ["E5"], Kind = K)]
    public static CheckOutcome F7(CheckContext ctx) => Outcome(ctx, "FAULT-E5-ANY-ANSWER");
    [Check("FAULT-E6-LAST-CAPABLE", Title = "seeded: E6 multi-server WUM picks the last capable SW", Requirements = ["INV-CONFORM", "E6"], Embodiments = ["E6"], Kind = K)]
    public static CheckOutcome F8(CheckContext ctx) => Outcome(ctx, "FAULT-E6-LAST-CAPABLE");
    [Check("FAULT-E7-SLAVE-LACKS-BRAND", Title = "seeded: E7 MSW routes to a slave not listed for the brand", Requirements = ["INV-ROUTE-SOUND", "INV-CONFORM", "E7"], Embodiments = ["E7"], Kind = K)]
    public static CheckOutcome F9(CheckContext ctx) => Outcome(ctx, "FAULT-E7-SLAVE-LACKS-BRAND");
    [Check("FAULT-E7-PROXY-AMOUNT", Title = "seeded: E7 proxy rewrites the amount", Requirements = ["INV-PROXY-TRANSPARENT", "INV-CONFORM", "E7"], Embodiments = ["E7"], Kind = K)]
    public static CheckOutcome F10(CheckContext ctx) => Outcome(ctx, "FAULT-E7-PROXY-AMOUNT");
    [Check("FAULT-E8-IGNORES-INFO", Title = "seeded: E8 MSW ignores its brand information", Requirements = ["INV-ROUTE-SOUND", "INV-CONFORM", "E8"], Embodiments = ["E8"], Kind = K)]
    public static CheckOutcome F11(CheckContext ctx) => Outcome(ctx, "FAULT-E8-IGNORES-INFO");
    [Check("FAULT-E9-OFFERS-ALL", Title = "seeded: E9 MSW offers all SSWs, not its SSW information", Requirements = ["INV-OFFER", "INV-CONFORM", "E9"], Embodiments = ["E9"], Kind = K)]
    public static CheckOutcome F12(CheckContext ctx) => Outcome(ctx, "FAULT-E9-OFFERS-ALL");
    [Check("FAULT-E9-TAMPERING-PROXY", Title = "seeded: E9 proxy alters the forwarded wake-up", Requirements = ["INV-PROXY-TRANSPARENT", "INV-CONFORM", "E9"], Embodiments = ["E9"], Kind = K)]
    public static CheckOutcome F13(CheckContext ctx) => Outcome(ctx, "FAULT-E9-TAMPERING-PROXY");
    [Check("FAULT-E10-FALLBACK-FIRST", Title = "seeded: E10 falls back to the first SSW on a malformed address", Requirements = ["INV-CONFORM", "INV-OFFER", "E10"], Embodiments = ["E10"], Kind = K)]
    public static CheckOutcome F14(CheckContext ctx) => Outcome(ctx, "FAULT-E10-FALLBACK-FIRST");
    [Check("FAULT-E11-IGNORES-CLIENT-INFO", Title = "seeded: E11 MSW ignores the client's brand information", Requirements = ["INV-ROUTE-SOUND", "INV-CONFORM", "E11"], Embodiments = ["E11"], Kind = K)]
    public static CheckOutcome F15(CheckContext ctx) => Outcome(ctx, "FAULT-E11-IGNORES-CLIENT-INFO");
    [Check("FAULT-E12-IGNORES-CHOICE", Title = "seeded: E12 MSW ignores the user's choice", Requirements = ["INV-OFFER", "INV-CONFORM", "E12"], Embodiments = ["E12"], Kind = K)]
    public static CheckOutcome F16(CheckContext ctx) => Outcome(ctx, "FAULT-E12-IGNORES-CHOICE");

    [Check("FAULT-E3-REPLAY-ACCEPTED", Title = "seeded: the entry point accepts a replayed wake-up", Requirements = ["INV-ONCE", "INV-CONFORM", "E3"], Embodiments = ["E3"], Kind = K)]
    public static CheckOutcome F17(CheckContext ctx) => Outcome(ctx, "FAULT-E3-REPLAY-ACCEPTED");
    [Check("FAULT-E11-BAD-INPUT-HALF-APPLIED", Title = "seeded: an unknown-brand wake-up is refused but half applied (its order consumed)", Requirements = ["INV-BAD-INPUT", "INV-CONFORM", "E11"], Embodiments = ["E11"], Kind = K)]
    public static CheckOutcome F18(CheckContext ctx) => Outcome(ctx, "FAULT-E11-BAD-INPUT-HALF-APPLIED");
    [Check("FAULT-E8-KEEPS-CREDENTIAL", Title = "seeded: E8 MSW keeps the acquired credential after the purchase", Requirements = ["INV-CUSTODY", "E8"], Embodiments = ["E8"], Kind = K)]
    public static CheckOutcome F19(CheckContext ctx) => Outcome(ctx, "FAULT-E8-KEEPS-CREDENTIAL");

    [Check("FAULTS-ALL-DETECTED", Title = "every seeded fault is caught by some invariant within the default budget",
        Requirements = ["INV-CONFORM", "INV-ROUTE-SOUND", "INV-ROUTE-COMPLETE", "INV-OFFER", "INV-LIVE", "INV-PROXY-TRANSPARENT", "INV-ONCE", "INV-BAD-INPUT", "INV-CUSTODY"],
        Embodiments = ["E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11", "E12"], Kind = K)]
    public static CheckOutcome AllDetected(CheckContext ctx)
    {
        var rows = SeededFaults.All.Select(f => Detect(ctx, f)).ToList();
        var table = string.Join("\n", rows.Select(d => $"{d.Fault.Id} | {(d.Detected ? d.DetectedBy : "MISSED")} | {d.CasesToDetect} | size {d.CounterexampleSize}"));
        ctx.Log(table);
        var missed = rows.Where(d => !d.Detected).Select(d => d.Fault.Id).ToList();
        return new CheckOutcome
        {
            Passed = missed.Count == 0, CasesRun = rows.Sum(d => d.CasesRun),
            Message = missed.Count == 0 ? $"{rows.Count}/{rows.Count} seeded faults detected" : $"missed: {string.Join(", ", missed)}",
            Facts = rows.ToDictionary(d => "fault." + d.Fault.Id, d => d.Detected ? $"{d.DetectedBy} after {d.CasesToDetect}" : "missed"),
        };
    }
}
