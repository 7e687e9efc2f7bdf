using MultiWallet.Audit.Scenarios;
using Spectre.Console;

namespace MultiWallet.Audit.Commands;

/// <summary>
/// `verify --replay FILE`: re-runs the one case a scenario file holds (a counterexample `verify` wrote, or any scenario)
/// in its world (the seeded fault's, when the file names one) and judges it with every applicable invariant, the
/// model's agreement and the file's expectations; nothing else of the catalog runs.
/// </summary>
public sealed class ReplayRun(IAnsiConsole console, ErrorConsole errors)
{
    /// <summary>Exit 0: every invariant holds, the sides agree and every expectation holds; 1: something failed; 2: the file is unusable.</summary>
    public int Execute(string file, int seed)
    {
        ScenarioDocument sc;
        try { sc = ScenarioFile.Load(file); }
        catch (ScenarioException e)
        {
            errors.Console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return AuditApp.ExitUsage;
        }
        ScenarioRun run;
        try { run = ScenarioExecution.Run(sc, seed); }
        catch (ArgumentException e)
        {
            errors.Console.MarkupLineInterpolated($"[red]error:[/] {file}: the scenario cannot be run: {e.Message}");
            return AuditApp.ExitUsage;
        }
        console.MarkupLineInterpolated($"[bold]MultiWallet verify --replay[/] {file}: {sc.Topology.Embodiment}, seed {seed}, {run.Mode}");
        var table = new Table().AddColumns("invariant", "verdict");
        foreach (var v in run.Invariants)
            table.AddRow(Markup.Escape("PROP-" + v.Id), v.Violation is null ? "[green]holds[/]" : $"[red]{Markup.Escape(v.Violation)}[/]");
        var disagreements = run.Reports.Where(r => r.ModelAgrees == false).Select(r => $"step {r.Step}: {r.Divergence}")
            .Concat(run.Setup.Where(x => x.Divergence is not null).Select(x => $"step {x.Step}: {x.Divergence}")).ToList();
        table.AddRow("model agrees", disagreements.Count == 0 ? "[green]yes[/]" : $"[red]{Markup.Escape(string.Join("\n", disagreements))}[/]");
        var failed = run.Reports.SelectMany(r => r.Expectations.Where(x => !x.Holds).Select(x => $"step {r.Step} {x.Field}: expected {x.Expected}, model {x.Model ?? "(not stated)"}, implementation {x.Implementation ?? "(did not finish)"}")).ToList();
        if (failed.Count > 0) table.AddRow("expectations", $"[red]{Markup.Escape(string.Join("\n", failed))}[/]");
        console.Write(table);
        var ok = run.Invariants.All(v => v.Violation is null) && disagreements.Count == 0 && failed.Count == 0;
        console.MarkupLine(ok ? "[green bold]the case passes[/]" : "[red bold]the case fails[/]");
        return ok ? AuditApp.ExitOk : AuditApp.ExitFailed;
    }
}
