using System.ComponentModel;
using MultiWallet.Checks.Recorded;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiWallet.Audit.Commands;

/// <summary>
/// `check-trace FILE.jsonl`: checks a recorded trace (docs/protocol/trace-format.md) against the model and the invariants a
/// trace can show, order by order, streaming. Prints, per diverging order, the requirement it breaks and its minimal witness
/// with line numbers; then the totals.
/// </summary>
public sealed class CheckTraceCommand(IAnsiConsole console, ErrorConsole errors) : Command<CheckTraceCommand.Settings>
{
    /// <summary>The exit codes, as --help gives them.</summary>
    public const string ExitCodes = "Exit codes: 0 every order conforms; 1 an order diverges (requirement and witness printed); "
        + "2 bad usage, an unreadable file, or a malformed line (line and field named); 3 internal error.";

    /// <summary>The options of the verb.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The recorded trace (JSON Lines, one event per line).</summary>
        [CommandArgument(0, "<FILE>")]
        [Description("The recorded trace (JSON Lines, docs/protocol/trace-format.md).")]
        public string File { get; init; } = "";

        /// <summary>Also list every conforming order (default: diverging ones and the totals).</summary>
        [CommandOption("--all")]
        [Description("Also list every conforming order (default: the diverging ones and the totals).")]
        public bool All { get; init; }
    }

    /// <summary>Runs the verb; the exit code is one of <see cref="ExitCodes"/>.</summary>
    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        StreamReader reader;
        try { reader = new StreamReader(s.File); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Console.MarkupLineInterpolated($"[red]cannot read {s.File}:[/] {e.Message}");
            return AuditApp.ExitUsage;
        }
        using (reader)
        {
            var checker = new TraceChecker();
            try
            {
                foreach (var v in checker.Check(TraceLogReader.Read(reader)))
                {
                    if (!v.Conforms) Print(v);
                    else if (s.All) console.MarkupLineInterpolated($"[green]conforms[/] case {v.CaseId} ({v.Embodiment}) order {v.Order.ToString()}: {v.WakeUps} wake-up(s)");
                    if ((s.All || !v.Conforms) && v.Notes.Count > 0)
                        foreach (var n in v.Notes) console.MarkupLineInterpolated($"  [grey]not judged:[/] {n}");
                }
            }
            catch (TraceFormatException e)
            {
                errors.Console.MarkupLineInterpolated($"[red]bad trace file[/] {s.File}: {e.Message}");
                return AuditApp.ExitUsage;
            }
            catch (IOException e)
            {
                errors.Console.MarkupLineInterpolated($"[red]cannot read {s.File}:[/] {e.Message}");
                return AuditApp.ExitUsage;
            }
            var t = checker.Summary;
            var verdict = t.AllConform ? "[green]every order conforms[/]" : $"[red]{t.Diverging} order(s) diverge[/]";
            console.MarkupLine($"{t.Cases} case(s), {t.Orders} order(s), {t.WakeUps} wake-up(s), {t.Events} event(s): {verdict}");
            return t.AllConform ? AuditApp.ExitOk : AuditApp.ExitFailed;
        }
    }

    private void Print(OrderVerdict v)
    {
        var d = v.Divergence!;
        console.MarkupLineInterpolated($"[red]DIVERGES[/] {d.Requirement} case {v.CaseId} (header line {v.CaseLine}, {v.Embodiment}) order {v.Order.ToString()}: {d.Message}");
        console.MarkupLine("  witness:");
        foreach (var w in d.Witness) console.MarkupLineInterpolated($"    line {w.Line}: {w.Text}");
    }
}
