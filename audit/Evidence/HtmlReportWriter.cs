using System.Globalization;
using System.Reflection;
using System.Text;
using Scriban;
using Scriban.Runtime;

namespace MultiWallet.Audit.Evidence;

/// <summary>
/// report.html: one self-contained page rendered from the embedded Scriban template
/// (Report/report.html.sbn) with mermaid's browser bundle (assets/mermaid.min.js) inlined, so
/// every diagram renders offline.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>Where the template takes mermaid's bundle.</summary>
    public const string MermaidPlaceholder = "/*@@MERMAID_BUNDLE@@*/";

    /// <summary>A check id and its result, as the report links it.</summary>
    public sealed record CheckRef(string Id, bool Passed);
    /// <summary>One claim × embodiment row of the traceability matrix.</summary>
    public sealed record MatrixRow(string ClaimId, string ClaimTitle, bool ClaimPassed, string EmbodimentId, string EmbodimentTitle, bool EmbodimentPassed, IReadOnlyList<CheckRef> Checks);
    /// <summary>One embodiment and the traces shown under it.</summary>
    public sealed record EmbodimentSection(string Id, string Title, string Claims, bool Passed, int CheckCount, IReadOnlyList<TraceRecord> Traces);
    /// <summary>One case class and its share.</summary>
    public sealed record ClassCount(string Name, int Count, string Percent);
    /// <summary>One check's case classes.</summary>
    public sealed record ClassTable(string CheckId, int CasesRun, IReadOnlyList<ClassCount> Classes);
    /// <summary>One invariant and the checks citing it.</summary>
    public sealed record InvariantRow(string Id, string Title, bool Passed, IReadOnlyList<CheckRef> Checks);
    /// <summary>One row of the all-checks table.</summary>
    public sealed record CheckRow(CheckRecord Check, string Requirements, string Embodiments, string Duration, string ReplayCommand);

    /// <summary>
    /// One cell of the attacker matrix: its look (<c>held</c>, <c>violated</c>, <c>unreached</c>, <c>absent</c>) and what it
    /// shows; properties by their short names (<c>PROP-INV-SECRECY</c> as <c>SECRECY</c>), unexercised ones on one line.
    /// </summary>
    public sealed record AttackMatrixCell(string Css, string Summary, string Tried, IReadOnlyList<string> Held, IReadOnlyList<string> Violated, string Unexercised);
    /// <summary>One embodiment's row of the attacker matrix, one cell per position column.</summary>
    public sealed record AttackMatrixRow(string Embodiment, IReadOnlyList<AttackMatrixCell> Cells);
    /// <summary>One attack step kind and how often it fired over the run.</summary>
    public sealed record StepCount(string Kind, int Count);

    /// <summary>Writes report.html into <paramref name="dir"/> and returns its path.</summary>
    public static string Write(EvidenceBundle b, string dir)
    {
        var path = Path.Combine(dir, "report.html");
        File.WriteAllText(path, Render(b), new UTF8Encoding(false));
        return path;
    }

    /// <summary>The report page.</summary>
    public static string Render(EvidenceBundle b)
    {
        CheckRef Ref(string id) => new(id, b.Checks.First(c => c.Id == id).Passed);
        var model = new ScriptObject();
        var view = new
        {
            B = b,
            Status = b.Passed ? "PASSED" : "FAILED",
            Generated = b.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'"),
            Traceability = TraceabilityMermaid(b),
            Matrix = b.Claims.SelectMany(c => c.Embodiments.Select(e => b.Embodiments.First(x => x.Id == e)).Select(e =>
                new MatrixRow(c.Id, c.Title, c.Passed, e.Id, e.Title, e.Passed, e.CheckIds.Concat(c.CheckIds).Distinct().Select(Ref).ToList()))).ToList(),
            Invariants = b.Invariants.Select(i => new InvariantRow(i.Id, i.Title, i.Passed, i.CheckIds.Select(Ref).ToList())).ToList(),
            EmbodimentSections = b.Embodiments.Select(e => new EmbodimentSection(e.Id, e.Title, string.Join(", ", e.Claims), e.Passed, e.CheckIds.Length,
                b.Traces.Where(t => t.Embodiments.Contains(e.Id)).ToList())).ToList(),
            SharedTraces = b.Traces.Where(t => t.Embodiments.Length == 0).ToList(),
            Checks = b.Checks.Select(c => new CheckRow(c, string.Join(", ", c.Requirements), string.Join(", ", c.Embodiments),
                c.DurationSeconds.ToString("0.000"), b.ReplayFor(c.Id))).ToList(),
            ClassTables = b.Checks.Where(c => c.Classes.Count > 0).Select(c => new ClassTable(c.Id, c.CasesRun,
                c.Classes.OrderByDescending(kv => kv.Value).Select(kv => new ClassCount(kv.Key, kv.Value,
                    c.CasesRun > 0 ? $"{100.0 * kv.Value / c.CasesRun:0.0}%" : "")).ToList())).ToList(),
            Phases = b.Phases,
            Faults = b.Faults,
            Attacks = b.Attacks,
            AttackRows = AttackMatrix(b),
            AttackSteps = b.Attacks?.StepsByKind.Select(kv => new StepCount(kv.Key, kv.Value)).ToList() ?? [],
            AttackCost = b.Attacks is { } a ? CostLine(a.Cost) : "",
            Transitions = b.Model.Transitions,
            Graphs = b.Model.Graphs,
        };
        model.Import(view, renamer: m => m.Name);
        var context = new TemplateContext { MemberRenamer = m => m.Name, LoopLimit = int.MaxValue, EnableRelaxedMemberAccess = true };
        context.PushGlobal(model);
        var template = Template.Parse(Resource("MultiWallet.Audit.Report.report.html.sbn"), "report.html.sbn");
        if (template.HasErrors) throw new InvalidOperationException("report template: " + string.Join("; ", template.Messages));
        var html = template.Render(context);
        return html.Replace(MermaidPlaceholder, MermaidBundle());
    }

    /// <summary>A self-contained page of state-machine graphs (used by the graphs verb).</summary>
    public static string RenderGraphs(IEnumerable<GraphRecord> graphs)
    {
        var model = new ScriptObject();
        model.Import(new { Graphs = graphs.ToList() }, renamer: m => m.Name);
        var context = new TemplateContext { MemberRenamer = m => m.Name, LoopLimit = int.MaxValue };
        context.PushGlobal(model);
        var template = Template.Parse(Resource("MultiWallet.Audit.Report.graphs.html.sbn"), "graphs.html.sbn");
        if (template.HasErrors) throw new InvalidOperationException("graphs template: " + string.Join("; ", template.Messages));
        return template.Render(context).Replace(MermaidPlaceholder, MermaidBundle());
    }

    /// <summary>The attacker matrix: one row per embodiment, one cell per position column (absent where the embodiment has no such position).</summary>
    public static IReadOnlyList<AttackMatrixRow> AttackMatrix(EvidenceBundle b)
    {
        if (b.Attacks is not { } a) return [];
        return a.Cells.Select(c => c.Embodiment).Distinct().Select(e => new AttackMatrixRow(e, a.Positions.Select(p => a.Cell(e, p) switch
        {
            null => new AttackMatrixCell("absent", "no such position", "", [], [], ""),
            { Status: "not-reached" } c => new AttackMatrixCell("unreached",
                c.Cases == 0 ? "no attacked case: not reached" : c.Steps == 0 ? $"{Plural(c.Cases, "case")}, no step fired: not reached" : $"{Plural(c.Cases, "case")}, {Plural(c.Steps, "step")}, no property exercised",
                Tried(c), [], [], ""),
            { } c => new AttackMatrixCell(c.Status, $"{Plural(c.Cases, "case")} · {Plural(c.Steps, "step")}", Tried(c),
                [.. c.Held.Select(ShortProperty)], [.. c.Violated.Select(ShortProperty)], string.Join(", ", c.Unexercised.Select(ShortProperty))),
        }).ToList())).ToList();
    }

    private static string ShortProperty(string checkId) => checkId.StartsWith("PROP-INV-", StringComparison.Ordinal) ? checkId["PROP-INV-".Length..] : checkId;

    private static string Tried(AttackCellRecord c) => string.Join(", ", c.Tried.Select(t => $"{t.Key} {t.Value}"));

    private static string Plural(int n, string what) => n == 1 ? $"1 {what}" : $"{n.ToString(CultureInfo.InvariantCulture)} {what}s";

    /// <summary>The campaign's cost in one sentence.</summary>
    public static string CostLine(AttackCostRecord c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.AttackedCases} attacked scenarios took {c.AttackedSeconds:0.0} s against {c.HonestCases} honest scenarios in {c.HonestSeconds:0.0} s, measured in the same run: ×{c.Ratio:0.00} the honest campaign's time, ×{c.PerCaseRatio:0.00} per scenario.");

    /// <summary>Claims → embodiments as a Mermaid flowchart, coloured by result.</summary>
    public static string TraceabilityMermaid(EvidenceBundle b)
    {
        var sb = new StringBuilder("flowchart LR\n");
        foreach (var c in b.Claims) sb.AppendLine($"  {c.Id}([\"{c.Id}\"]):::{(c.Passed ? "pass" : "fail")}");
        foreach (var e in b.Embodiments) sb.AppendLine($"  {e.Id}[\"{e.Id} · {e.CheckIds.Length} check(s)\"]:::{(e.Passed ? "pass" : e.CheckIds.Length == 0 ? "none" : "fail")}");
        foreach (var c in b.Claims)
            foreach (var e in c.Embodiments) sb.AppendLine($"  {c.Id} --> {e}");
        sb.AppendLine("  classDef pass fill:#d6f5d6,stroke:#2e7d32,color:#1b5e20");
        sb.AppendLine("  classDef fail fill:#fbd5d5,stroke:#c62828,color:#b71c1c");
        sb.AppendLine("  classDef none fill:#eeeeee,stroke:#9e9e9e,color:#616161");
        return sb.ToString();
    }

    /// <summary>Mermaid's browser bundle, made safe to inline in a script element.</summary>
    private static string MermaidBundle() =>
        Resource("MultiWallet.Audit.assets.mermaid.min.js").Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase).Replace("<!--", "\\x3C!--");

    private static string Resource(string name)
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
                      ?? throw new InvalidOperationException($"embedded resource {name} missing");
        using var r = new StreamReader(s, Encoding.UTF8);
        return r.ReadToEnd();
    }
}
