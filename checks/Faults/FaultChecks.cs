using System.Collections.Concurrent;
using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Invariants;
using Inv = MultiWallet.Checks.Invariants.Invariants;

namespace MultiWallet.Checks.Faults;

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

    /// <summary>
    /// The fault's detection, computed once per (seed, budget, fault) and shared by every check that asks (the fault's own,
    /// FAULTS-ALL-DETECTED, EXHAUSTIVE-FINDS-LATE-FAULTS). What the computation logged is kept with it and written to the
    /// log of every check that asks, so each check's log is the same whichever check, running beside it, asked first.
    /// </summary>
    public static Detection Detect(CheckContext ctx, SeededFault f)
    {
        var d = Cache.GetOrAdd((ctx.Seed, ctx.Cases, f.Id), _ => new(() => Logged(ctx, f))).Value;
        foreach (var line in d.Log) ctx.Log(line);
        return d;
    }

    private static Detection Logged(CheckContext asking, SeededFault f)
    {
        var lines = new List<string>();
        var d = Compute(asking with { Log = l => { lock (lines) lines.Add(l); } }, f);
        lock (lines) return d with { Log = [.. lines] };
    }

    private static Detection Compute(CheckContext ctx, SeededFault f)
    {
        if (f.Detector is var (property, run))
        {
            var o = run(ctx, f.Parts);
            return o.Passed
                ? new Detection(f, false, null, 0, null, null, 0, o.CasesRun)
                : new Detection(f, true, property, o.CasesRun, o.Message, o.Counterexample, o.Counterexample?.Split('\n').Length ?? 0, o.CasesRun)
                    { Scenario = o.Evidence.OfType<CounterexampleScenario>().FirstOrDefault() is { } c ? c with { CheckId = f.Id, SeededFault = f.Id } : null };
        }
        // The budget's scenarios are generated as the batches need them, so only one batch is ever held.
        var invariants = Inv.AllInvariants.Where(i => i.Applies(f.Embodiment)).ToList();
        var batch = Environment.ProcessorCount * 4;
        var start = 0;
        foreach (var window in Campaign.Stream(f.Embodiment, ctx.Seed).Take(Budget(ctx)).Chunk(batch))
        {
            var faulty = window.AsParallel().AsOrdered()
                .Select(s => Campaign.Execute(s, ctx.Seed, f.Parts)).ToList();
            for (var j = 0; j < faulty.Count; j++)
            {
                // Every invariant that catches the fault on this case: violated in the faulty world and NOT on the
                // same scenario in the faithful one (so a model/implementation disagreement is not a detection).
                Case? faithful = null;
                string? Caught(Invariant inv, Case faultyCase)
                {
                    var fv = inv.Eval(faultyCase, new HashSet<string>());
                    if (fv is null) return null;
                    var honest = ReferenceEquals(faultyCase, faulty[j]) ? faithful ??= Campaign.Execute(faultyCase.Scenario, ctx.Seed, null) : Campaign.Execute(faultyCase.Scenario, ctx.Seed, null);
                    return inv.Eval(honest, new HashSet<string>()) is null ? fv : null;
                }
                var catching = invariants.Select(inv => (inv, v: Caught(inv, faulty[j]))).Where(x => x.v is not null).ToList();
                if (catching.Count == 0) continue;
                var (first, violation0) = catching[0];
                var (small, violation, _) = Campaign.Shrink(faulty[j].Scenario, violation0!, c => Caught(first, c), ctx.Seed, f.Parts, budget: 25);
                var k = start + j + 1;
                return new Detection(f, true, string.Join(", ", catching.Select(x => "PROP-" + x.inv.Id)), k, violation, small.ToString(), small.Size, k)
                    { Scenario = new CounterexampleScenario(f.Id, f.Embodiment, small.Topology, small.Script, small.Steps, f.Id, violation) };
            }
            start += window.Length;
        }
        return new Detection(f, false, null, 0, null, null, 0, start);
    }

    private static CheckOutcome Outcome(CheckContext ctx, string id)
    {
        var f = SeededFaults.All.Single(x => x.Id == id);
        var d = Detect(ctx, f);
        var detection = new FaultDetection(f.Description, d.DetectedBy, d.CasesToDetect, d.Counterexample);
        if (d.Detected) ctx.Log(d.Counterexample + "\n" + d.Violation);
        return new CheckOutcome
        {
            Passed = d.Detected,
            CasesRun = d.CasesRun,
            Evidence = d.Scenario is { } sc ? [detection, sc] : [detection],
            Replay = $"seed={ctx.Seed} gamma={Campaign.Gamma} size={Campaign.Size}",
            Message = d.Detected ? $"caught by {d.DetectedBy} after {d.CasesToDetect} case(s): {d.Violation}" : $"NOT detected within {d.CasesRun} cases",
            Counterexample = d.Detected ? null : "(none: the suite missed this fault)",
        };
    }

    private const CheckKind K = CheckKind.Fault;

    /// <summary>One check per seeded fault, built from its record; it passes iff the suite caught the fault.</summary>
    [CheckSource]
    public static IEnumerable<CheckEntry> Checks() => SeededFaults.All.Select(f => new CheckEntry(
        new CheckAttribute(f.Id)
        {
            Title = "seeded: " + f.Description,
            Requirements = [.. f.Violates, f.Embodiment.ToString()],
            Embodiments = [f.Embodiment],
            Kind = K,
        },
        ctx => Outcome(ctx, f.Id)));

    [Check("FAULTS-ALL-DETECTED", Title = "every seeded fault is caught by some invariant within the default budget",
        Requirements = ["INV-CONFORM", "INV-ROUTE-SOUND", "INV-ROUTE-COMPLETE", "INV-OFFER", "INV-LIVE", "INV-PROXY-TRANSPARENT", "INV-ONCE", "INV-BAD-INPUT", "INV-CUSTODY", "INV-BOUNDED"],
        AllEmbodiments = true, Kind = K)]
    public static CheckOutcome AllDetected(CheckContext ctx)
    {
        var rows = SeededFaults.All.Select(f => Detect(ctx, f)).ToList();
        var table = string.Join("\n", rows.Select(d => $"{d.Fault.Id} | {(d.Detected ? d.DetectedBy : "MISSED")} | {d.CasesToDetect} | size {d.CounterexampleSize}"));
        ctx.Log(table);
        var missed = rows.Where(d => !d.Detected).Select(d => d.Fault.Id).ToList();
        return new CheckOutcome
        {
            Passed = missed.Count == 0,
            CasesRun = rows.Sum(d => d.CasesRun),
            Message = missed.Count == 0 ? $"{rows.Count}/{rows.Count} seeded faults detected" : $"missed: {string.Join(", ", missed)}",
            Evidence = [.. rows.Select(d => new FaultTally(d.Fault.Id, d.Detected ? d.DetectedBy : null, d.CasesToDetect))],
        };
    }
}
