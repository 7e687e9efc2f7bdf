using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Invariants;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Attacks;

/// <summary>
/// The same attacker on the HTTP transport (HTTPS with the world's certificates): the adversary decorates the wire
/// beneath TLS's endpoints, so it acts as a network attacker inside TLS would, and the five attack properties judge
/// the runs exactly as in memory. Over HTTP every wait is on the wall clock, so the sample leaves out the events that
/// wait out a hop's timeout (drop, delay, reorder: the in-memory campaign tries them on virtual time), and a run a
/// wall-clock limit cut short is inconclusive, never a verdict.
/// </summary>
internal static class AttackHttpChecks
{
    /// <summary>Events whose effect is a wait of a hop's bounded time: tried in memory only.</summary>
    private static readonly AttackKind[] Waiting = [AttackKind.Drop, AttackKind.Delay, AttackKind.Reorder];

    /// <summary>Generated scenarios looked at per embodiment to find the sample's one.</summary>
    private const int Pool = 16;

    /// <summary>Eligible scenarios run per embodiment at most, looking for one whose attack fires.</summary>
    private const int Tries = 8;

    [Check("ATTACK-HTTP-SAMPLE", Title = "the generated attacker over HTTPS: one attacked scenario per embodiment (the first generated one with no timeout-waiting event whose attack fires), judged by the five attack properties as in memory",
        Requirements = ["INV-SECRECY", "INV-AGREEMENT", "INV-UNIFORM-FAILURE", "INV-SESSION-AUTH", "INV-CUSTODY"], AllEmbodiments = true, Kind = CheckKind.Property)]
    public static CheckOutcome HttpSample(CheckContext ctx)
    {
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        var inconclusive = new List<string>();
        var cases = 0;
        // Each embodiment's search is its own (its own worlds, its own loopback servers), so they run side by side, one per
        // core, and are judged afterwards in embodiment order: the verdict and its counts are the sequential run's.
        var sampled = Campaign.All.AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount)
            .Select(e => (E: e, Run: Sample(e, ctx.Seed))).ToList();
        foreach (var (e, run) in sampled)
        {
            if (run is null || run.Tried.Count == 0 && run.Inconclusive is null) { classes[$"{e}/none-eligible"] = 1; continue; }
            var c = run.Case;
            if (run.Inconclusive is { } why) { inconclusive.Add($"{e}: {why}"); continue; }
            cases++;
            foreach (var k in run.Tried.Keys) classes[k.Split(':')[0]] = classes.GetValueOrDefault(k.Split(':')[0]) + 1;
            foreach (var inv in AttackChecks.All.Where(i => i.Applies(e)))
            {
                if ((run.Crash ?? inv.Eval(run, new HashSet<string>())) is not { } v) continue;
                return AttackChecks.Violated(ctx, "ATTACK-HTTP-SAMPLE", e, c, cases, classes, v, $"{inv.CheckId} violated over HTTP in {e}: {v}");
            }
        }
        if (cases == 0 && inconclusive.Count > 0) return CheckOutcome.InconclusiveEnvironment(string.Join("; ", inconclusive));
        var missing = Campaign.All.Where(e => classes.ContainsKey($"{e}/none-eligible")).ToList();
        if (missing.Count > 0)
            return new CheckOutcome { Passed = false, CasesRun = cases, Classes = classes, Message = $"no attack fired in the first {Tries} eligible scenarios of {string.Join(",", missing)}: the sample assessed nothing there" };
        var outcome = new CheckOutcome
        {
            Passed = true,
            CasesRun = cases,
            Classes = classes,
            Message = $"{cases} attacked scenarios over HTTPS, every attack property held; events tried: {ClassifiedOutcome.Render(classes)}"
                      + (inconclusive.Count > 0 ? $"; inconclusive (environment): {string.Join("; ", inconclusive)}" : ""),
        };
        return inconclusive.Count > 0 ? outcome with { Inconclusive = string.Join("; ", inconclusive) } : outcome;
    }

    /// <summary>
    /// The first eligible scenarios of <paramref name="e"/> in generation order, run until one whose attack reached its
    /// position (an event whose target never crossed the position fires nothing) or a wall-clock limit cut one short, at
    /// most <see cref="Tries"/> runs; null when none is eligible.
    /// </summary>
    private static AttackRun? Sample(Embodiment e, int seed)
    {
        AttackRun? run = null;
        foreach (var candidate in AttackCampaign.Generate(e, seed, Pool).Where(s => s.Attack.Events.Count > 0 && !s.Attack.Events.Any(ev => Waiting.Contains(ev.Kind))).Take(Tries))
        {
            run = AttackRunner.Run(candidate, seed, WorldTransport.Http);
            if (run.Inconclusive is not null || run.Tried.Count > 0) break;
        }
        return run;
    }
}
