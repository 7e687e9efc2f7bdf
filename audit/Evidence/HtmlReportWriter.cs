using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using MultiWallet.Audit.Report;
using MultiWallet.Checks.Catalog;
using Scriban;
using Scriban.Runtime;

namespace MultiWallet.Audit.Evidence;

/// <summary>
/// report.html: one self-contained, offline page rendered from the embedded Scriban template (Report/report.html.sbn).
/// Tables and text forms of every diagram read without JavaScript; with it, Report/report.js unpacks mermaid's
/// vendored bundle (inlined gzip-compressed, base64) only when a diagram first scrolls into view, renders diagrams
/// one at a time at their natural size, opens any of them full size with zoom, and filters rows.
/// Every status shown goes through <see cref="ReportStatus"/>; every id list is sorted with <see cref="NaturalOrder"/>.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>Where a template takes mermaid's bundle (gzip, base64).</summary>
    public const string MermaidPlaceholder = "@@MERMAID_GZIP_BASE64@@";

    /// <summary>Where a template takes the page script (Report/report.js).</summary>
    public const string ScriptPlaceholder = "/*@@REPORT_JS@@*/";

    /// <summary>Where a template takes the page style (Report/report.css).</summary>
    public const string StylePlaceholder = "/*@@REPORT_CSS@@*/";

    /// <summary>A check id and its status, as the report links it (to <c>#check-ID</c>).</summary>
    public sealed record CheckRef(string Id, ReportStatus Status);
    /// <summary>One claim × embodiment row of the traceability matrix.</summary>
    public sealed record MatrixRow(string ClaimId, string ClaimTitle, ReportStatus ClaimStatus, string EmbodimentId, string EmbodimentTitle,
        ReportStatus EmbodimentStatus, IReadOnlyList<CheckRef> Checks, string DataReq, ReportStatus RowStatus);
    /// <summary>One diagram: its Mermaid source (rendered lazily in the browser) and a text form readable without JavaScript.</summary>
    public sealed record Diagram(string Id, string Title, string Mermaid, string TextForm, string TextLabel);
    /// <summary>One trace, linked to the check that published it.</summary>
    public sealed record TraceView(string CheckId, string Label, ReportStatus Status, Diagram? Diagram, string? Text, string DataReq, string DataEmb);
    /// <summary>One embodiment, the checks attributed to it, and the traces shown under it.</summary>
    public sealed record EmbodimentSection(string Id, string Title, string Claims, ReportStatus Status, IReadOnlyList<CheckRef> Checks, IReadOnlyList<TraceView> Traces);
    /// <summary>One model state machine.</summary>
    public sealed record GraphView(string Name, string FromCheck, Diagram? Diagram, string? Dot);
    /// <summary>One case class and its share.</summary>
    public sealed record ClassCount(string Name, int Count, string Percent);
    /// <summary>One check's case classes.</summary>
    public sealed record ClassTable(string CheckId, int CasesRun, IReadOnlyList<ClassCount> Classes);
    /// <summary>One invariant and the checks citing it.</summary>
    public sealed record InvariantRow(string Id, string Title, ReportStatus Status, IReadOnlyList<CheckRef> Checks, string DataReq);
    /// <summary>One row of the all-checks table (and of the failed-first summary).</summary>
    public sealed record CheckRow(CheckRecord Check, ReportStatus Status, string Requirements, string Embodiments, string Duration, string ReplayCommand, string DataReq, string DataEmb);
    /// <summary>A claim, embodiment or invariant the failed-first summary lists as not fully assessed.</summary>
    public sealed record Unassessed(string Kind, string Id, string Title, string DataReq);

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
        var byId = b.Checks.ToDictionary(c => c.Id);
        IReadOnlyList<CheckRef> Refs(IEnumerable<string> ids) =>
            ids.Distinct().Order(NaturalOrder.Instance).Select(id => new CheckRef(id, ReportStatus.Of(byId[id]))).ToList();
        string Ids(IEnumerable<string> ids) => string.Join(" ", ids.Distinct().Order(NaturalOrder.Instance));
        var diagrams = 0;
        Diagram? MakeDiagram(string title, string? mermaid, string text, string textLabel) =>
            string.IsNullOrWhiteSpace(mermaid) ? null : new Diagram($"diagram-{++diagrams}", title, mermaid, text, textLabel);

        var checkRows = b.Checks.OrderBy(c => c.Id, NaturalOrder.Instance).Select(c => new CheckRow(c, ReportStatus.Of(c),
            string.Join(", ", NaturalOrder.Sort(c.Requirements)), string.Join(", ", NaturalOrder.Sort(c.Embodiments)),
            c.DurationSeconds.ToString("0.000", CultureInfo.InvariantCulture), b.ReplayFor(c.Id),
            Ids(c.Requirements.Concat(c.Embodiments)), Ids(c.Embodiments.Concat(c.Requirements.Where(MultiWallet.Checks.Catalog.Requirements.Embodiments.ContainsKey))))).ToList();
        var rowOf = checkRows.ToDictionary(r => r.Check.Id);

        var claimStatus = b.Claims.ToDictionary(c => c.Id, ReportStatus.Of);
        var embodiments = b.Embodiments.OrderBy(e => e.Id, NaturalOrder.Instance).ToList();
        var matrix = b.Claims.OrderBy(c => c.Id, NaturalOrder.Instance).SelectMany(c => c.Embodiments.Order(NaturalOrder.Instance)
            .Select(e => b.Embodiments.First(x => x.Id == e)).Select(e =>
            {
                var es = ReportStatus.Of(e);
                var cs = claimStatus[c.Id];
                return new MatrixRow(c.Id, c.Title, cs, e.Id, e.Title, es, Refs(e.CheckIds.Concat(c.CheckIds)), $"{c.Id} {e.Id}", es.Rank <= cs.Rank ? es : cs);
            })).ToList();

        var traceViews = b.Traces.OrderBy(t => t.Label, NaturalOrder.Instance).Select(t => new TraceView(t.CheckId, t.Label, ReportStatus.Of(byId[t.CheckId]),
            MakeDiagram(t.Label, t.Mermaid, t.Text ?? "", "trace (text)"), t.Text, rowOf[t.CheckId].DataReq, Ids(t.Embodiments))).ToList();
        var sections = embodiments.Select(e => new EmbodimentSection(e.Id, e.Title, string.Join(", ", NaturalOrder.Sort(e.Claims)), ReportStatus.Of(e),
            Refs(e.CheckIds), traceViews.Where(t => t.DataEmb.Split(' ').Contains(e.Id)).ToList())).ToList();

        var unassessed = b.Claims.Where(c => ReportStatus.Of(c) == ReportStatus.NotAssessed).Select(c => new Unassessed("claim", c.Id, c.Title, c.Id))
            .Concat(b.Embodiments.Where(e => ReportStatus.Of(e) == ReportStatus.NotAssessed).Select(e => new Unassessed("embodiment", e.Id, e.Title, e.Id)))
            .Concat(b.Invariants.Where(i => ReportStatus.Of(i) == ReportStatus.NotAssessed).Select(i => new Unassessed("invariant", i.Id, i.Title, i.Id)))
            .OrderBy(u => u.Id, NaturalOrder.Instance).ToList();

        var requirementIds = b.Claims.Select(c => c.Id).Concat(b.Embodiments.Select(e => e.Id)).Concat(b.Invariants.Select(i => i.Id))
            .Concat(b.Checks.SelectMany(c => c.Requirements)).Distinct().Order(NaturalOrder.Instance).ToList();

        var model = new ScriptObject();
        var view = new
        {
            B = b,
            Status = b.Passed ? "PASSED" : "FAILED",
            Generated = b.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
            Failing = checkRows.Where(r => r.Status == ReportStatus.Failed).ToList(),
            InconclusiveChecks = checkRows.Where(r => r.Status == ReportStatus.Inconclusive).ToList(),
            Unassessed = unassessed,
            RequirementIds = requirementIds,
            EmbodimentIds = embodiments.Select(e => e.Id).ToList(),
            Traceability = MakeDiagram("Claims → embodiments", TraceabilityMermaid(b), TraceabilityText(b), "claims → embodiments (text)"),
            Matrix = matrix,
            Invariants = b.Invariants.OrderBy(i => i.Id, NaturalOrder.Instance).Select(i => new InvariantRow(i.Id, i.Title, ReportStatus.Of(i), Refs(i.CheckIds), i.Id)).ToList(),
            EmbodimentSections = sections,
            SharedTraces = traceViews.Where(t => t.DataEmb.Length == 0).ToList(),
            Checks = checkRows,
            ClassTables = b.Checks.Where(c => c.Classes.Count > 0).OrderBy(c => c.Id, NaturalOrder.Instance).Select(c => new ClassTable(c.Id, c.CasesRun,
                c.Classes.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, NaturalOrder.Instance).Select(kv => new ClassCount(kv.Key, kv.Value,
                    c.CasesRun > 0 ? string.Create(CultureInfo.InvariantCulture, $"{100.0 * kv.Value / c.CasesRun:0.0}%") : "")).ToList())).ToList(),
            Phases = b.Phases,
            Faults = b.Faults.OrderBy(f => f.Id, NaturalOrder.Instance).ToList(),
            Attacks = b.Attacks,
            Exhaustive = b.Exhaustive,
            AttackRows = AttackMatrix(b),
            AttackSteps = b.Attacks?.StepsByKind.Select(kv => new StepCount(kv.Key, kv.Value)).ToList() ?? [],
            AttackCost = b.Attacks is { } a ? CostLine(a.Cost) : "",
            Transitions = b.Model.Transitions,
            Graphs = b.Model.Graphs.Select(g => new GraphView(g.Name, g.FromCheck,
                MakeDiagram(g.Name, g.Mermaid, MachineText(g, b.Model.Transitions), "transitions (text)"), g.Dot)).ToList(),
        };
        model.Import(view, renamer: m => m.Name);
        return Finish(RenderTemplate("report.html.sbn", model));
    }

    /// <summary>A self-contained page of state-machine graphs (used by the graphs verb), with the report's lazy diagrams.</summary>
    public static string RenderGraphs(IEnumerable<GraphRecord> graphs)
    {
        var n = 0;
        var model = new ScriptObject();
        model.Import(new
        {
            Graphs = graphs.Select(g => new GraphView(g.Name, g.FromCheck,
                string.IsNullOrWhiteSpace(g.Mermaid) ? null : new Diagram($"diagram-{++n}", g.Name, g.Mermaid, g.Dot ?? "", "DOT"), g.Dot)).ToList(),
        }, renamer: m => m.Name);
        return Finish(RenderTemplate("graphs.html.sbn", model));
    }

    /// <summary>The attacker matrix: one row per embodiment, one cell per position column (absent where the embodiment has no such position).</summary>
    public static IReadOnlyList<AttackMatrixRow> AttackMatrix(EvidenceBundle b)
    {
        if (b.Attacks is not { } a) return [];
        return a.Cells.Select(c => c.Embodiment).Distinct().Order(NaturalOrder.Instance).Select(e => new AttackMatrixRow(e, a.Positions.Select(p => a.Cell(e, p) switch
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

    /// <summary>Claims → embodiments as a Mermaid flowchart, coloured by status.</summary>
    public static string TraceabilityMermaid(EvidenceBundle b)
    {
        var sb = new StringBuilder("flowchart LR\n");
        foreach (var c in b.Claims.OrderBy(c => c.Id, NaturalOrder.Instance))
        {
            var s = ReportStatus.Of(c);
            sb.Append(CultureInfo.InvariantCulture, $"  {c.Id}([\"{c.Id} · {s.Word}\"]):::{Css(s)}\n");
        }
        foreach (var e in b.Embodiments.OrderBy(e => e.Id, NaturalOrder.Instance))
        {
            var s = ReportStatus.Of(e);
            sb.Append(CultureInfo.InvariantCulture, $"  {e.Id}[\"{e.Id} · {e.CheckIds.Length} check(s) · {s.Word}\"]:::{Css(s)}\n");
        }
        foreach (var c in b.Claims.OrderBy(c => c.Id, NaturalOrder.Instance))
            foreach (var e in c.Embodiments.Order(NaturalOrder.Instance)) sb.Append(CultureInfo.InvariantCulture, $"  {c.Id} --> {e}\n");
        sb.Append("  classDef conforms fill:#d6f5d6,stroke:#2e7d32,color:#1b5e20\n");
        sb.Append("  classDef fails fill:#fbd5d5,stroke:#c62828,color:#b71c1c\n");
        sb.Append("  classDef notassessed fill:#eeeeee,stroke:#9e9e9e,color:#424242\n");
        sb.Append("  classDef inconclusive fill:#fff3cd,stroke:#b26a00,color:#6d4c00\n");
        return sb.ToString();
    }

    // Mermaid class names cannot contain '-'.
    private static string Css(ReportStatus s) => s.Css.Replace("-", "", StringComparison.Ordinal);

    /// <summary>The traceability flowchart as text: one line per claim, naming its embodiments and every status in words.</summary>
    public static string TraceabilityText(EvidenceBundle b)
    {
        var emb = b.Embodiments.ToDictionary(e => e.Id);
        var sb = new StringBuilder();
        foreach (var c in b.Claims.OrderBy(c => c.Id, NaturalOrder.Instance))
            sb.Append(CultureInfo.InvariantCulture, $"{c.Id} ({ReportStatus.Of(c).Word}) → ")
              .AppendJoin(", ", c.Embodiments.Order(NaturalOrder.Instance).Select(e => emb.TryGetValue(e, out var r) ? $"{e} ({ReportStatus.Of(r).Word})" : e))
              .Append('\n');
        return sb.ToString();
    }

    /// <summary>A state machine as text: one line per transition, with how often the generated campaign exercised it; DOT when no coverage was recorded.</summary>
    public static string MachineText(GraphRecord g, IEnumerable<TransitionRecord> transitions)
    {
        var mine = transitions.Where(t => t.Machine == g.Name).ToList();
        if (mine.Count == 0) return g.Dot ?? "";
        var sb = new StringBuilder();
        foreach (var t in mine) sb.Append(CultureInfo.InvariantCulture, $"{t.Source} --{t.Trigger}--> {t.Destination}   (exercised {t.Count}×)\n");
        return sb.ToString();
    }

    private static string RenderTemplate(string name, ScriptObject model)
    {
        var context = new TemplateContext
        {
            MemberRenamer = m => m.Name, LoopLimit = int.MaxValue, EnableRelaxedMemberAccess = true, TemplateLoader = new EmbeddedTemplateLoader(),
            // Scriban cuts any string it produces at 1 MiB by default and ends it with "...": the default run's report body
            // passed that size and lost its last rows and its scripts. No limit: the report is as long as its evidence.
            LimitToString = 0,
        };
        context.PushGlobal(model);
        var template = Template.Parse(EmbeddedTemplateLoader.Read(EmbeddedTemplateLoader.ResourceName(name)), name);
        if (template.HasErrors) throw new InvalidOperationException($"{name}: " + string.Join("; ", template.Messages));
        return template.Render(context);
    }

    private static string Finish(string html) => html
        .Replace(StylePlaceholder, Resource("MultiWallet.Audit.Report.report.css"), StringComparison.Ordinal)
        .Replace(ScriptPlaceholder, Resource("MultiWallet.Audit.Report.report.js"), StringComparison.Ordinal)
        .Replace(MermaidPlaceholder, MermaidGzipBase64.Value, StringComparison.Ordinal);

    /// <summary>
    /// Mermaid's browser bundle, gzip-compressed and base64-encoded: a quarter of its size, and inert text the browser
    /// neither parses nor runs until a diagram needs it. Compression is deterministic (fixed level, no timestamp), so two
    /// runs write the same bytes.
    /// </summary>
    private static readonly Lazy<string> MermaidGzipBase64 = new(() =>
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("MultiWallet.Audit.assets.mermaid.min.js")
                      ?? throw new InvalidOperationException("embedded resource mermaid.min.js missing");
        using var packed = new MemoryStream();
        using (var gz = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true)) s.CopyTo(gz);
        return Convert.ToBase64String(packed.GetBuffer(), 0, (int)packed.Length);
    });

    private static string Resource(string name) => EmbeddedTemplateLoader.Read(name);
}
