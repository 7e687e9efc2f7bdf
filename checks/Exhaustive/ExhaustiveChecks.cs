using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Faults;
using MultiWallet.Checks.Invariants;
using MultiWallet.Model.Vocabulary;
using Inv = MultiWallet.Checks.Invariants.Invariants;

namespace MultiWallet.Checks.Exhaustive;

/// <summary>
/// The exhaustive small-scope checks: every case within a stated bound, run and judged by every invariant
/// (<c>EXHAUSTIVE-SMALL-SCOPE</c>), and the seeded faults random sampling finds late, each found by the enumeration
/// (<c>EXHAUSTIVE-FINDS-LATE-FAULTS</c>). `verify --exhaustive` (<see cref="CheckContext.Exhaustive"/>) runs the full
/// bound; every other run, `dotnet test` included, the small one, so the mechanism is exercised within seconds.
/// </summary>
internal static class ExhaustiveChecks
{
    /// <summary>A seeded fault is found late when the random campaign needed more than this many generated cases (a core's first batch at the campaign's batching).</summary>
    public const int LateAfter = 8;

    /// <summary>
    /// Attack faults whose wrong component honest cases of the bound exercise: the gateway ledger's check-then-act is met by
    /// two concurrent honest copies of an AuthReq (a fault program), no attacker needed.
    /// </summary>
    private static readonly HashSet<string> HonestVisible = new(StringComparer.Ordinal) { "FAULT-E2-GATEWAY-XID-CHECK-THEN-ACT" };

    private static readonly ConcurrentDictionary<(int, string), Lazy<(ExhaustiveEvidence Evidence, IReadOnlyList<string> Log)>> Cache = new();

    /// <summary>The bound a run uses: the full one under `verify --exhaustive`, else the small one.</summary>
    public static ScopeBound BoundFor(CheckContext ctx) => ctx.Exhaustive ? ScopeBound.Full : ScopeBound.Small;

    /// <summary>
    /// Every embodiment's scope within <paramref name="b"/>, run once per (seed, bound); what the run logged is kept with it
    /// and written to <paramref name="log"/> on every call, so a caller's log does not depend on who asked first.
    /// </summary>
    public static ExhaustiveEvidence Evidence(int seed, ScopeBound b, Action<string>? log = null)
    {
        var (evidence, lines) = Cache.GetOrAdd((seed, b.Name), _ => new(() => Run(seed, b))).Value;
        foreach (var line in lines) log?.Invoke(line);
        return evidence;
    }

    private static (ExhaustiveEvidence, IReadOnlyList<string>) Run(int seed, ScopeBound b)
    {
        var log = new List<string>();
        var watch = Stopwatch.StartNew();
        var runs = new List<ScopeRun>();
        foreach (var e in Campaign.All)
        {
            var r = ExhaustiveRunner.Run(e, b, seed);
            log.Add(string.Create(CultureInfo.InvariantCulture, $"{e}: {r.Cases} distinct cases ({r.RawCases} with every renaming of brands; wallets are only ever named in registration order), {r.Run} run"));
            runs.Add(r);
        }
        var invariants = Inv.AllInvariants.Select(inv => ExhaustiveRunner.Merge(inv,
            runs.SelectMany(r => r.Invariants.Where(i => i.Id == inv.Id).Select(i => (r.Embodiment, i))))).ToList();
        return (new ExhaustiveEvidence(b.ToString(), seed, runs.Sum(r => r.Cases), runs.Sum(r => r.Run), watch.Elapsed.TotalSeconds,
            [.. runs.Select(r => new ExhaustiveEmbodiment(r.Embodiment.ToString(), r.RawCases, r.Cases, r.Run, r.Seconds))], invariants), log);
    }

    /// <summary>Runs the scope and judges it: every distinct case ran and no invariant was violated on any.</summary>
    public static CheckOutcome SmallScope(CheckContext ctx)
    {
        var b = BoundFor(ctx);
        var ev = Evidence(ctx.Seed, b, ctx.Log);
        var violated = ev.Invariants.Where(i => i.FirstViolation is not null).ToList();
        foreach (var v in violated) ctx.Log($"{v.Id} violated: {v.FirstViolation}\n{v.Counterexample}");
        foreach (var i in ev.Invariants)
            ctx.Log($"{i.Id}: {i.Judged} judged; classes {ClassifiedOutcome.Render(i.Classes)}" + (i.Unreached.Count == 0 ? "" : $"; not reached within the bound: {string.Join(", ", i.Unreached)}"));
        var classes = ev.Invariants.SelectMany(i => i.Classes.Select(c => (Key: $"{i.Id}/{c.Key}", c.Value))).ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);
        var counts = string.Join(", ", ev.Embodiments.Select(e => $"{e.Embodiment}={e.Cases}"));
        var all = ev.AllRun ? $"all {ev.Cases} cases within bound {ev.Bound} were checked" : $"only {ev.Run} of {ev.Cases} cases within bound {ev.Bound} ran";
        return new CheckOutcome
        {
            Passed = ev.AllRun && violated.Count == 0,
            CasesRun = (int)Math.Min(int.MaxValue, ev.Run),
            Classes = classes,
            Evidence = [ev],
            Replay = $"--seed {ctx.Seed}" + (ctx.Exhaustive ? " --exhaustive" : "") + " --only EXHAUSTIVE-SMALL-SCOPE (the cases do not depend on the seed; the worlds' keys do)",
            Message = (violated.Count == 0 ? "" : $"violated: {string.Join("; ", violated.Select(v => $"{v.Id} {v.FirstViolation}"))}. ") + $"{all} ({counts})",
            Counterexample = violated.FirstOrDefault()?.Counterexample,
        };
    }

    /// <summary>Each seeded fault random sampling found late, searched in the full bound; out-of-bound ones say why.</summary>
    public static CheckOutcome LateFaults(CheckContext ctx)
    {
        var findings = new List<ExhaustiveFaultFinding>();
        foreach (var f in SeededFaults.All)
        {
            var random = FaultChecks.Detect(ctx, f);
            if (!random.Detected || random.CasesToDetect <= LateAfter) continue;
            if (f.Detector is not null && !HonestVisible.Contains(f.Id))
            {
                findings.Add(new(f.Id, f.Embodiment.ToString(), null, 0, null, random.CasesToDetect,
                    $"caught by {random.DetectedBy}, a property of attacked scenarios: it needs an attacker's step (a forged, probed, substituted or hijacked message), and the bound's vocabulary is honest"));
                continue;
            }
            var (first, run, by) = FaultSearch.FirstCatch(f, ScopeBound.Full, ctx.Seed);
            findings.Add(new(f.Id, f.Embodiment.ToString(), first, run, by, random.CasesToDetect, null));
        }
        foreach (var x in findings)
            ctx.Log(x.OutOfBound is { } why ? $"{x.FaultId}: random {x.RandomCasesToDetect}; outside the bound: {why}"
                : x.FirstCase is { } i ? $"{x.FaultId}: random {x.RandomCasesToDetect}; exhaustive case #{i} ({x.DetectedBy})"
                : $"{x.FaultId}: random {x.RandomCasesToDetect}; NOT found in the {x.CasesRun} cases of the full bound");
        var missed = findings.Where(x => x.OutOfBound is null && x.FirstCase is null).Select(x => x.FaultId).ToList();
        var found = findings.Where(x => x.FirstCase is not null).ToList();
        return new CheckOutcome
        {
            Passed = missed.Count == 0 && found.Count > 0,
            CasesRun = (int)findings.Sum(x => x.CasesRun),
            Evidence = [.. findings],
            Replay = $"--seed {ctx.Seed} --only EXHAUSTIVE-FINDS-LATE-FAULTS",
            Message = (missed.Count > 0 ? $"NOT found within the full bound: {string.Join(", ", missed)}; " : "") +
                      $"{found.Count} late fault(s) found by the exhaustive enumeration (" + string.Join(", ", found.Select(x => $"{x.FaultId} case #{x.FirstCase} vs random {x.RandomCasesToDetect}")) +
                      $"); {findings.Count(x => x.OutOfBound is not null)} outside the bound (attack faults)",
        };
    }

    private static readonly string[] InvariantRequirements = [.. Inv.AllInvariants.SelectMany(i => i.Requirements).Distinct()];

    /// <summary>The two catalog entries, built here because their requirements are the invariants'.</summary>
    [CheckSource]
    public static IEnumerable<CheckEntry> Checks() =>
    [
        new(CheckAttribute.Property("EXHAUSTIVE-SMALL-SCOPE",
            "every case within a stated small bound (up to renaming of wallets and brands) runs on the model and the implementation and every invariant holds on it",
            InvariantRequirements, Enum.GetValues<Embodiment>()), SmallScope),
        new(new CheckAttribute("EXHAUSTIVE-FINDS-LATE-FAULTS")
        {
            Title = "every seeded fault random sampling finds late is caught by a case of the full exhaustive bound (attack faults: outside the bound, said why)",
            Requirements = InvariantRequirements,
            AllEmbodiments = true,
            Kind = CheckKind.Fault,
        }, LateFaults),
    ];
}
