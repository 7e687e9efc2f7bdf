using System.Collections.Concurrent;
using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using MultiWallet.Checks.Bridge;
using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Generators;
using MultiWallet.Impl.World;
using MultiWallet.Model.Machines;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>
/// Generates and executes the shared scenarios ONCE per (seed, budget, transport) and folds every case, as it
/// finishes, into per-embodiment tallies (<see cref="EmbodimentTally"/>): every invariant's verdict and classes, the
/// model's mutation test, its transition coverage and the case's digest. The derived checks (<see cref="DerivedCheckIds"/>)
/// read the tallies and never re-run a scenario. Generation: FsCheck generators sampled with Rnd(seed + embodiment,
/// gamma), the merchants of each case from their own stream Rnd(seed + embodiment + <see cref="MerchantOffset"/>, gamma)
/// — deterministic, so the replay handle "(seed,gamma,size)" plus a case index regenerates a case. Shrinking:
/// the scenario shrinker, greedily, re-running the failing invariant on each candidate.
/// </summary>
public static class Campaign
{
    /// <summary>The FsCheck gamma every campaign's random stream uses.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL | 1UL;
    /// <summary>The FsCheck size every scenario is generated at.</summary>
    public const int Size = 20;

    /// <summary>
    /// The class counting cases a wall-clock limit cut short over HTTP (<see cref="Case.Inconclusive"/>): they measured
    /// the machine's load, so no invariant judges them; every property reports how many there were.
    /// </summary>
    public const string InconclusiveClass = "inconclusive:environment";
    /// <summary>Generated scenarios per embodiment: the context's budget (1000 for the audit, <see cref="CheckContext.TestCases"/> under `dotnet test`).</summary>
    public static int PerEmbodiment(CheckContext ctx) => ctx.Cases;

    /// <summary>The replay handle of an embodiment's scenarios: FsCheck's (seed, gamma, size).</summary>
    public static string Replay(CheckContext ctx, Embodiment e) => Replay(ctx.Seed, e);

    /// <summary>The replay handle of an embodiment's scenarios for a seed.</summary>
    public static string Replay(int seed, Embodiment e) => $"({(ulong)seed + (ulong)e},{Gamma},{Size})";

    /// <summary>Every embodiment, in order.</summary>
    public static readonly IReadOnlyList<Embodiment> All = [.. EmbodimentTraits.All.Select(t => t.Embodiment)];

    /// <summary>The catalog checks that derive from the shared campaign: a runner executes the campaign before them.</summary>
    public static IReadOnlySet<string> DerivedCheckIds { get; } =
        Invariants.AllInvariants.Select(i => "PROP-" + i.Id).Concat(["MODEL-PERTURBATION-DETECTED", "MODEL-COVERAGE", "ATTACK-CAMPAIGN"]).ToHashSet(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<(int, int, WorldTransport), Lazy<CampaignResult>> Cache = new();

    /// <summary>The first <paramref name="count"/> scenarios of an embodiment's sequence for a seed.</summary>
    public static IReadOnlyList<GeneratedScenario> Generate(Embodiment e, int seed, int count) =>
        Place(Gen.Sample(ScenarioGen.Draft(e), count, new Rnd((ulong)seed + (ulong)e, Gamma), Size), (ulong)seed + (ulong)e);

    /// <summary>
    /// Keeps the merchants' random stream apart from the cases' (DECISIONS.md, "Several merchants"): drawing them takes
    /// nothing from the stream the rest of every case is drawn from, so adding merchants shifted no existing case.
    /// </summary>
    public const ulong MerchantOffset = 0x5E7E2A1C;

    /// <summary>
    /// The drafts of a sequence with their merchants placed, the i-th draft's from the i-th plan of the merchants' own
    /// stream for <paramref name="stream"/> (prefix-stable, as the drafts are).
    /// </summary>
    public static IReadOnlyList<GeneratedScenario> Place(IReadOnlyList<ScenarioDraft> drafts, ulong stream) =>
        [.. drafts.Zip(MerchantPlans(stream, drafts.Count), ScenarioGen.Place)];

    /// <summary>The first <paramref name="count"/> merchant plans of the merchants' stream for <paramref name="stream"/>.</summary>
    public static IReadOnlyList<MerchantPlan> MerchantPlans(ulong stream, int count) =>
        Gen.Sample(ScenarioGen.Merchants, count, new Rnd(stream + MerchantOffset, Gamma), Size).ToList();

    /// <summary>
    /// The first <paramref name="count"/> cases of an embodiment's sequence, executed again on every core and handed out in
    /// order, one at a time: for the checks that read whole worlds (the wire contract, recorded traces), which the shared
    /// campaign does not keep. The sequence is prefix-stable, so these are the campaign's own first cases.
    /// </summary>
    public static IEnumerable<Case> Executed(CheckContext ctx, Embodiment e, int count) =>
        Generate(e, ctx.Seed, Math.Min(count, PerEmbodiment(ctx)))
            .AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount)
            .Select(s => Execute(s, ctx.Seed, null, ctx.Transport));

    /// <summary>Runs one scenario against the model and the implementation; an exception becomes the case's <see cref="Case.Crash"/>.</summary>
    public static Case Execute(GeneratedScenario s, int seed, EmbodimentWorld.Parts? parts, WorldTransport transport = WorldTransport.InMemory, TransitionCoverage? coverage = null)
    {
        // With coverage (the shared campaign) the prediction also records the perturbations it asked about, which spares
        // the mutation test predicting again with those it never did (PerturbationTally).
        var queries = coverage is null ? null : new PerturbationQueries();
        try { return new Case(s, ConformanceRunner.Run(s.Topology, s.Script, s.Steps, seed, parts, coverage is null ? null : new PredictorOptions(null, coverage, queries), transport), null) { AskedPerturbations = queries }; }
        catch (Exception ex) { return new Case(s, null, $"{ex.GetType().Name}: {ex.Message}"); }
    }

    /// <summary>
    /// The shared campaign for the context's seed, budget and transport: executed on first use (on every core), then
    /// cached. <paramref name="progress"/>, when given, hears the number of scenarios finished so far after each one
    /// (once with the total when the campaign had already run).
    /// </summary>
    public static CampaignResult Result(CheckContext ctx, Action<int>? progress = null)
    {
        var lazy = Cache.GetOrAdd((ctx.Seed, PerEmbodiment(ctx), ctx.Transport), _ => new(() => Run(ctx.Seed, PerEmbodiment(ctx), ctx.Transport, progress)));
        var ran = lazy.IsValueCreated;
        var result = lazy.Value;
        if (ran) progress?.Invoke(result.Scenarios);
        return result;
    }

    /// <summary>
    /// Makes <paramref name="result"/> the shared campaign of its (seed, budget, transport) in this process, so the derived
    /// checks read it instead of executing the campaign: a merge of shard results (it must equal what an unsharded run folds).
    /// </summary>
    public static void Use(CampaignResult result) =>
        Cache[(result.Seed, result.PerEmbodiment, result.Transport)] = new(() => result);

    /// <summary>How many scenarios an embodiment ran in the shared campaign and the wall-clock seconds they took.</summary>
    public static (int Scenarios, double Seconds) Scenarios(CheckContext ctx, Embodiment e)
    {
        var t = Result(ctx).Of(e);
        return (t.Scenarios, t.Seconds);
    }

    /// <summary>
    /// Executes a campaign afresh, bypassing the cache (a benchmark measures it; checks use <see cref="Result"/>).
    /// <paramref name="slice"/>, when given, picks the (embodiment, case index) pairs to execute: a shard's part of the
    /// campaign, whose tallies hold only those cases (every scenario is still generated, since each case's random state
    /// follows the previous one's).
    /// </summary>
    public static CampaignResult Run(int seed, int perEmbodiment, WorldTransport transport, Action<int>? progress = null, Func<Embodiment, int, bool>? slice = null)
    {
        var wall = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var done = 0;
        var tallies = new List<EmbodimentTally>();
        // Generation is sequential per embodiment (each case's random state follows the previous one's), so the next
        // embodiment's scenarios are generated while this one's run; only two embodiments' scenarios are ever held.
        var next = Task.Run(() => Generate(All[0], seed, perEmbodiment));
        for (var k = 0; k < All.Count; k++)
        {
            var scenarios = next.GetAwaiter().GetResult();
            if (k + 1 < All.Count) { var e1 = All[k + 1]; next = Task.Run(() => Generate(e1, seed, perEmbodiment)); }
            var tally = new EmbodimentTally(All[k], scenarios.Count);
            var sw = Stopwatch.StartNew();
            // Each case builds its own world (network, parties, trace) and shares only the per-seed PKI cache; each
            // worker folds its cases into its own tally, and the tallies merge, so no case outlives its fold.
            var e = All[k];
            int[] indices = [.. Enumerable.Range(0, scenarios.Count).Where(i => slice is null || slice(e, i))];
            Parallel.For(0, indices.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, tally.Worker, (j, _, worker) =>
            {
                var i = indices[j];
                var coverage = new TransitionCoverage();
                worker.Observe(Execute(scenarios[i], seed, null, transport, coverage), i, coverage);
                progress?.Invoke(Interlocked.Increment(ref done));
                return worker;
            }, worker => { lock (tally) tally.Merge(worker); });
            tally.Seconds = sw.Elapsed.TotalSeconds;
            tallies.Add(tally);
        }
        return new CampaignResult(seed, perEmbodiment, transport, tallies, wall.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>Greedy shrinking: accept the first smaller candidate that still violates; at most <paramref name="budget"/> runs.</summary>
    public static (GeneratedScenario Scenario, string Violation, int Runs) Shrink(GeneratedScenario s, string violation, Func<Case, string?> violates, int seed, EmbodimentWorld.Parts? parts, int budget = 40)
    {
        var runs = 0;
        var progress = true;
        while (progress && runs < budget)
        {
            progress = false;
            foreach (var c in ScenarioGen.Shrink(s))
            {
                if (++runs > budget) break;
                var v = violates(Execute(c, seed, parts));
                if (v is null) continue;
                (s, violation, progress) = (c, v, true);
                break;
            }
        }
        return (s, violation, runs);
    }
}
