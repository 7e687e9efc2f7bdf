using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using MultiWallet.Checks.Recorded;
using Spectre.Console;

namespace MultiWallet.Audit.Bench;

/// <summary>
/// `bench`'s check-trace figure: a recorded trace of at least <see cref="DefaultEvents"/> events, made by repeating the
/// corpus's honest campaign traces of E1–E12 (each copy's cases renamed, so every case is checked afresh), is written to a
/// temporary file and checked as `check-trace` checks it — streaming from the file, every order against the model and the
/// invariants. The figure is events per second of wall-clock time (goal: 100,000 events in 60 s or less).
/// </summary>
public static class CheckTraceBenchmark
{
    /// <summary>Events the benchmark's trace holds at least.</summary>
    public const int DefaultEvents = 100_000;

    /// <summary>What one run measured.</summary>
    /// <param name="Events">Events checked.</param>
    /// <param name="Orders">Orders judged.</param>
    /// <param name="Seconds">Wall-clock seconds of the check (reading included, writing the file excluded).</param>
    /// <param name="AllConform">Whether every order conformed (the input is honest, so anything else is a bug).</param>
    public sealed record Result(int Events, int Orders, double Seconds, bool AllConform)
    {
        /// <summary>Events checked per second.</summary>
        public double EventsPerSecond => Seconds > 0 ? Events / Seconds : 0;
    }

    /// <summary>Builds the trace, checks it, prints one line and returns the figure.</summary>
    public static Result Run(IAnsiConsole console, int events = DefaultEvents)
    {
        var file = Path.Combine(Path.GetTempPath(), $"mw-check-trace-bench-{Guid.NewGuid():N}.jsonl");
        try
        {
            Write(file, events);
            var checker = new TraceChecker();
            var sw = Stopwatch.StartNew();
            using (var reader = new StreamReader(file))
                foreach (var _ in checker.Check(TraceLogReader.Read(reader))) { }
            sw.Stop();
            var t = checker.Summary;
            var r = new Result(t.Events, t.Orders, sw.Elapsed.TotalSeconds, t.AllConform);
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"check-trace: {r.Events:N0} events ({r.Orders:N0} orders) in {r.Seconds:0.0} s = [bold]{r.EventsPerSecond:N0} events/s[/]{(r.AllConform ? "" : " [red](an honest order diverged: a bug)[/]")}"));
            return r;
        }
        finally { File.Delete(file); }
    }

    private static void Write(string file, int events)
    {
        var honest = Enum.GetValues<MultiWallet.Model.Vocabulary.Embodiment>().Select(e => RecordedCorpus.Read(RecordedCorpus.HonestFile(e))).ToList();
        using var w = new StreamWriter(file) { NewLine = "\n" };
        var written = 0;
        for (var copy = 0; written < events; copy++)
            foreach (var lines in honest)
                foreach (var line in lines)
                {
                    if (line.StartsWith("{\"type\":\"case\"", StringComparison.Ordinal))
                    {
                        var o = JsonNode.Parse(line)!.AsObject();
                        o["id"] = $"{(string?)o["id"]}/copy{copy}";
                        w.WriteLine(o.ToJsonString(RecordedFormat.NodeOptions));
                        continue;
                    }
                    if (line.StartsWith("{\"type\":\"msg\"", StringComparison.Ordinal) || line.StartsWith("{\"type\":\"decision\"", StringComparison.Ordinal)) written++;
                    w.WriteLine(line);
                }
    }
}
