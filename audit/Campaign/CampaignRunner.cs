using System.Diagnostics;
using System.Text;
using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Invariants;
using Spectre.Console;
using SharedCampaign = MultiWallet.Checks.Invariants.Campaign;

namespace MultiWallet.Audit.Campaign;

/// <summary>
/// Runs the selected checks phase by phase, with progress bars on a terminal, plain lines otherwise: first the shared
/// campaign (when a selected check derives from it: <see cref="SharedCampaign.DerivedCheckIds"/>), executed once on
/// every core, its bar counting scenarios; then one phase per check kind.
/// </summary>
public static class CampaignRunner
{
    /// <summary>The shared campaign the selected checks derived from, once <see cref="Run"/> executed it; null when none of them derives from it.</summary>
    public static CampaignResult? Shared(IReadOnlyList<CheckEntry> checks, int seed, int cases, MultiWallet.Impl.World.WorldTransport transport) =>
        NeedsCampaign(checks) ? SharedCampaign.Result(new CheckContext(seed, cases, _ => { }, transport)) : null;

    private static bool NeedsCampaign(IReadOnlyList<CheckEntry> checks) => checks.Any(c => SharedCampaign.DerivedCheckIds.Contains(c.Id));

    /// <summary>
    /// Runs the checks phase by phase, reporting progress on <paramref name="console"/> and logging each check to
    /// <paramref name="log"/>; within a phase up to <paramref name="jobs"/> checks run side by side (<see cref="CheckScheduler"/>;
    /// 0: one per core). The evidence is the same for any number of jobs.
    /// </summary>
    public static IReadOnlyList<PhaseRun> Run(IAnsiConsole console, IReadOnlyList<CheckEntry> checks, int seed, int cases, StringBuilder log,
        MultiWallet.Impl.World.WorldTransport transport = MultiWallet.Impl.World.WorldTransport.InMemory, bool exhaustive = false, int jobs = 0)
    {
        if (jobs <= 0) jobs = Environment.ProcessorCount;
        var phases = checks.GroupBy(c => c.Meta.Kind).OrderBy(g => g.Key).ToList();
        var results = new List<PhaseRun>();
        var interactive = console.Profile.Capabilities.Interactive && console.Profile.Out.IsTerminal;
        if (interactive)
        {
            console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .Start(pc =>
                {
                    if (NeedsCampaign(checks))
                    {
                        var total = cases * SharedCampaign.All.Count;
                        var bar = pc.AddTask($"campaign ({total} scenarios)", maxValue: total);
                        results.Add(RunCampaign(seed, cases, transport, log, done => bar.Value = done));
                        bar.Description = $"campaign ({total} scenarios) {results[^1].DurationSeconds:0.00}s";
                        bar.StopTask();
                    }
                    var tasks = phases.Select(p => (p, t: pc.AddTask($"{p.Key.ToString().ToLowerInvariant()} ({p.Count()})", autoStart: false, maxValue: p.Count()))).ToList();
                    foreach (var (p, t) in tasks)
                    {
                        t.StartTask();
                        results.Add(RunPhase(p.Key, [.. p], seed, cases, transport, exhaustive, jobs, log, (entry, run) =>
                        {
                            if (run is null) t.Description = $"{p.Key}: {Markup.Escape(entry.Id)}";
                            else t.Increment(1);
                        }));
                        t.Description = $"{p.Key} ({p.Count()}) {results[^1].DurationSeconds:0.00}s" + (results[^1].Failed > 0 ? $" [red]{results[^1].Failed} failed[/]" : "");
                        t.StopTask();
                    }
                });
        }
        else
        {
            if (NeedsCampaign(checks))
            {
                var total = cases * SharedCampaign.All.Count;
                console.WriteRaw($"== phase campaign: {total} scenarios ({cases} per embodiment, {Environment.ProcessorCount} cores)");
                // One line per tenth of the scenarios: a log, not a bar.
                var lastTenth = 0;
                var gate = new object();
                var campaign = RunCampaign(seed, cases, transport, log, done =>
                {
                    var tenth = (int)(10L * done / total);
                    lock (gate)
                    {
                        if (tenth <= lastTenth) return;
                        lastTenth = tenth;
                        console.WriteRaw($"   {done}/{total} scenarios");
                    }
                });
                results.Add(campaign);
                console.WriteRaw($"== phase campaign: {total} scenarios in {campaign.DurationSeconds:0.00}s ({campaign.CpuSeconds:0.00} CPU-s)");
            }
            foreach (var p in phases)
            {
                console.WriteRaw($"== phase {p.Key.ToString().ToLowerInvariant()}: {p.Count()} checks");
                var phase = RunPhase(p.Key, [.. p], seed, cases, transport, exhaustive, jobs, log, (entry, run) =>
                {
                    if (run is not null)
                        console.WriteRaw($"   {(run.Outcome.Inconclusive is not null ? "INCONCLUSIVE" : run.Outcome.Passed ? "PASS" : "FAIL")} {entry.Id} ({run.DurationSeconds:0.00}s, {run.Outcome.CasesRun} cases)");
                });
                results.Add(phase);
                console.WriteRaw($"== phase {p.Key.ToString().ToLowerInvariant()}: {phase.Passed} passed, {phase.Failed} failed in {phase.DurationSeconds:0.00}s ({phase.CpuSeconds:0.00} CPU-s)");
            }
        }
        return results;
    }

    /// <summary>Executes the shared campaign (every check deriving from it then reads its tallies), timed as its own phase.</summary>
    private static PhaseRun RunCampaign(int seed, int cases, MultiWallet.Impl.World.WorldTransport transport, StringBuilder log, Action<int> progress)
    {
        var wall = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var r = SharedCampaign.Result(new CheckContext(seed, cases, _ => { }, transport), progress);
        var run = new PhaseRun(PhaseRun.CampaignName, [], wall.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        // Its time is a timing (timings.json, the console): the log, like the rest of the evidence, is the same on every run.
        log.AppendLine(CampaignLogLine(seed, cases, r.Scenarios));
        return run;
    }

    /// <summary>The campaign's line in checks.log (one shape for a single run and a merge of shards).</summary>
    public static string CampaignLogLine(int seed, int cases, int scenarios) =>
        $"### campaign seed={seed} cases={cases}: {scenarios} scenarios";

    private static PhaseRun RunPhase(CheckKind kind, List<CheckEntry> entries, int seed, int cases, MultiWallet.Impl.World.WorldTransport transport, bool exhaustive, int jobs, StringBuilder log, Action<CheckEntry, CheckRun?> progress)
    {
        var phaseWatch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var runs = new CheckRun[entries.Count];
        var logs = new StringBuilder[entries.Count];
        var gate = new object();
        void Run(int i)
        {
            var e = entries[i];
            lock (gate) progress(e, null);
            // Each check logs into its own buffer, appended in catalog order below, so checks.log reads the same however they interleave.
            var own = logs[i] = new StringBuilder();
            own.AppendLine($"### {e.Id} [{kind}] seed={seed} cases={cases}");
            var ctx = new CheckContext(seed, cases, line => { lock (own) own.AppendLine("  " + line); }, transport) { Exhaustive = exhaustive };
            var w = Stopwatch.StartNew();
            CheckOutcome outcome;
            try { outcome = e.Run(ctx); }
            catch (Exception ex) { outcome = CheckOutcome.Fail($"{ex.GetType().Name}: {ex.Message}"); }
            outcome ??= CheckOutcome.Fail("check returned null");
            var duration = w.Elapsed.TotalSeconds;
            CheckRun run;
            lock (own)
            {
                own.AppendLine($"  => {(outcome.Inconclusive is not null ? "inconclusive" : outcome.Passed ? "passed" : "FAILED")}: {outcome.Message}");
                run = runs[i] = new CheckRun(e, outcome, duration) { Log = own.ToString() };
            }
            lock (gate) progress(e, run);
        }
        CheckScheduler.Run(entries, jobs, Run);
        foreach (var l in logs) log.Append(l);
        return new PhaseRun(kind.ToString().ToLowerInvariant(), runs, phaseWatch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }
}
