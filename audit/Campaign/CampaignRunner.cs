using System.Diagnostics;
using System.Text;
using MultiWallet.Checks.Catalog;
using Spectre.Console;

namespace MultiWallet.Audit.Campaign;

/// <summary>Runs the selected checks phase by phase (by Kind), with progress bars on a terminal, plain lines otherwise.</summary>
public static class CampaignRunner
{

    /// <summary>Runs the checks phase by phase, reporting progress on <paramref name="console"/> and logging each check to <paramref name="log"/>.</summary>
    public static IReadOnlyList<PhaseRun> Run(IAnsiConsole console, IReadOnlyList<CheckEntry> checks, int seed, int cases, StringBuilder log,
        MultiWallet.Impl.World.WorldTransport transport = MultiWallet.Impl.World.WorldTransport.InMemory, bool exhaustive = false)
    {
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
                    var tasks = phases.Select(p => (p, t: pc.AddTask($"{p.Key.ToString().ToLowerInvariant()} ({p.Count()})", autoStart: false, maxValue: p.Count()))).ToList();
                    foreach (var (p, t) in tasks)
                    {
                        t.StartTask();
                        results.Add(RunPhase(p.Key, p.ToList(), seed, cases, transport, exhaustive, log, (entry, run) =>
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
            foreach (var p in phases)
            {
                console.WriteRaw($"== phase {p.Key.ToString().ToLowerInvariant()}: {p.Count()} checks");
                var phase = RunPhase(p.Key, p.ToList(), seed, cases, transport, exhaustive, log, (entry, run) =>
                {
                    if (run is not null)
                        console.WriteRaw($"   {(run.Outcome.Inconclusive is not null ? "INCONCLUSIVE" : run.Outcome.Passed ? "PASS" : "FAIL")} {entry.Id} ({run.DurationSeconds:0.00}s, {run.Outcome.CasesRun} cases)");
                });
                results.Add(phase);
                console.WriteRaw($"== phase {p.Key.ToString().ToLowerInvariant()}: {phase.Passed} passed, {phase.Failed} failed in {phase.DurationSeconds:0.00}s");
            }
        }
        return results;
    }

    private static PhaseRun RunPhase(CheckKind kind, List<CheckEntry> entries, int seed, int cases, MultiWallet.Impl.World.WorldTransport transport, bool exhaustive, StringBuilder log, Action<CheckEntry, CheckRun?> progress)
    {
        var phaseWatch = Stopwatch.StartNew();
        var runs = new List<CheckRun>();
        foreach (var e in entries)
        {
            progress(e, null);
            log.AppendLine($"### {e.Id} [{kind}] seed={seed} cases={cases}");
            var ctx = new CheckContext(seed, cases, line => { lock (log) log.AppendLine("  " + line); }, transport) { Exhaustive = exhaustive };
            var w = Stopwatch.StartNew();
            CheckOutcome outcome;
            try { outcome = e.Run(ctx); }
            catch (Exception ex) { outcome = CheckOutcome.Fail($"{ex.GetType().Name}: {ex.Message}"); }
            outcome ??= CheckOutcome.Fail("check returned null");
            var run = new CheckRun(e, outcome, w.Elapsed.TotalSeconds);
            log.AppendLine($"  => {(outcome.Inconclusive is not null ? "inconclusive" : outcome.Passed ? "passed" : "FAILED")}: {outcome.Message}");
            runs.Add(run);
            progress(e, run);
        }
        return new PhaseRun(kind, runs, phaseWatch.Elapsed.TotalSeconds);
    }
}
