using System.Collections.Concurrent;
using System.Diagnostics;
using FsCheck;
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

    /// <summary>
    /// An embodiment's scenario sequence for a seed, unbounded and lazy: case i is produced after case i-1 and equals the
    /// i-th element of <c>Gen.Sample</c> of any larger count (<see cref="SampleStream"/>), so a budget of any size holds one
    /// scenario at a time. Every budget's cases are a prefix of it.
    /// </summary>
    public static IEnumerable<GeneratedScenario> Stream(Embodiment e, int seed) =>
        SampleStream.Of(ScenarioGen.Draft(e), new Rnd((ulong)seed + (ulong)e, Gamma), Size).Zip(MerchantStream((ulong)seed + (ulong)e), ScenarioGen.Place);

    /// <summary>The first <paramref name="count"/> scenarios of an embodiment's sequence for a seed, as a list (for small counts; a budget-sized caller enumerates <see cref="Stream"/>).</summary>
    public static IReadOnlyList<GeneratedScenario> Generate(Embodiment e, int seed, int count) => [.. Stream(e, seed).Take(count)];

    /// <summary>
    /// Keeps the merchants' random stream apart from the cases' (DECISIONS.md, "Several merchants"): drawing them takes
    /// nothing from the stream the rest of every case is drawn from, so adding merchants shifted no existing case.
    /// </summary>
    public const ulong MerchantOffset = 0x5E7E2A1C;

    /// <summary>
    /// The merchants' own stream for <paramref name="stream"/>, lazy and unbounded: the i-th case of a sequence gets the
    /// i-th plan (prefix-stable, as the drafts are).
    /// </summary>
    public static IEnumerable<MerchantPlan> MerchantStream(ulong stream) =>
        SampleStream.Of(ScenarioGen.Merchants, new Rnd(stream + MerchantOffset, Gamma), Size);

    /// <summary>
    /// The first <paramref name="count"/> cases of an embodiment's sequence, executed again on every core and handed out in
    /// order, one at a time, a window of them held at once (<see cref="OrderedWindows"/>): for the checks that read whole worlds (the recorded traces), which the shared
    /// campaign does not keep. The sequence is prefix-stable, so these are the campaign's own first cases.
    /// </summary>
    public static IEnumerable<Case> Executed(CheckContext ctx, Embodiment e, int count) =>
        OrderedWindows.Map(Stream(e, ctx.Seed).Take(Math.Min(count, PerEmbodiment(ctx))), s => Execute(s, ctx.Seed, null, ctx.Transport));

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
    /// <remarks>
    /// One stream over every embodiment in order: a producer generates each embodiment's sequence lazily into a queue
    /// of <see cref="LookAhead"/> scenarios, and one worker per core takes the next one, whatever its embodiment, so no
    /// core idles at an embodiment's end and at most the queue plus one case per worker is alive. Each worker folds its
    /// cases into its own tally per embodiment; those merge (associatively and commutatively), so the tallies do not
    /// depend on which worker ran which case. An embodiment's <see cref="EmbodimentTally.Seconds"/> is the wall-clock time
    /// its cases kept workers busy divided by the number of workers: the embodiments' seconds add up to the campaign's
    /// busy time, though their cases ran interleaved.
    /// </remarks>
    public static CampaignResult Run(int seed, int perEmbodiment, WorldTransport transport, Action<int>? progress = null, Func<Embodiment, int, bool>? slice = null)
    {
        var wall = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var done = 0;
        var workers = Environment.ProcessorCount;
        var tallies = All.Select(e => new EmbodimentTally(e, perEmbodiment)).ToArray();
        var busy = new long[All.Count];
        using var queue = new BlockingCollection<(int Embodiment, int Index, GeneratedScenario Scenario)>(LookAhead(workers));
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() =>
        {
            try
            {
                for (var k = 0; k < All.Count; k++)
                {
                    var (e, i) = (All[k], 0);
                    foreach (var s in Stream(e, seed).Take(perEmbodiment))
                    {
                        if (slice is null || slice(e, i)) queue.Add((k, i, s), stop.Token);
                        i++;
                    }
                }
            }
            finally { queue.CompleteAdding(); }
        });
        var consumers = Enumerable.Range(0, workers).Select(_ => Task.Factory.StartNew(() =>
        {
            // Each case builds its own world (network, parties, trace) and shares only the per-seed PKI cache.
            var own = new EmbodimentTally?[All.Count];
            try
            {
                foreach (var (k, i, s) in queue.GetConsumingEnumerable(stop.Token))
                {
                    var started = Stopwatch.GetTimestamp();
                    var coverage = new TransitionCoverage();
                    (own[k] ??= tallies[k].Worker()).Observe(Execute(s, seed, null, transport, coverage), i, coverage);
                    Interlocked.Add(ref busy[k], Stopwatch.GetTimestamp() - started);
                    progress?.Invoke(Interlocked.Increment(ref done));
                }
            }
            catch { stop.Cancel(); throw; }
            for (var k = 0; k < own.Length; k++)
                if (own[k] is { } t) lock (tallies[k]) tallies[k].Merge(t);
        }, TaskCreationOptions.LongRunning)).ToArray();
        try { Task.WaitAll([producer, .. consumers]); }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) is { } cause)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(cause).Throw();
        }
        for (var k = 0; k < All.Count; k++) tallies[k].Seconds = (double)busy[k] / Stopwatch.Frequency / workers;
        return new CampaignResult(seed, perEmbodiment, transport, tallies, wall.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>How many generated scenarios wait for a worker at most: enough that no worker waits for generation, few enough to be nothing beside the cases running.</summary>
    public static int LookAhead(int workers) => 4 * workers;

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
