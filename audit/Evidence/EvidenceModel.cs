using System.Text.RegularExpressions;
using MultiWallet.Audit.Campaign;
using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Evidence;

public sealed record CheckEvidence(
    string Id, string Title, string Kind, string[] Requirements, string[] Embodiments, int CasesRun, bool Passed,
    string Message, string? Replay, string? Counterexample, IReadOnlyDictionary<string, int> Classes,
    double DurationSeconds, IReadOnlyDictionary<string, string> Facts);

public sealed record EmbodimentEvidence(string Id, string Title, string[] Claims, bool Passed, string[] CheckIds);
public sealed record ClaimEvidence(string Id, string Title, string[] Embodiments, bool Passed, string[] CheckIds);
public sealed record InvariantEvidence(string Id, string Title, bool Passed, string[] CheckIds);
public sealed record FaultEvidence(string Id, string Description, bool Detected, string? DetectedBy, int? CasesToDetect, string? Counterexample);
public sealed record TransitionCoverage(string Machine, string Source, string Trigger, string Destination, int Count);
public sealed record GraphEvidence(string Name, string? Mermaid, string? Dot, string FromCheck);
public sealed record ModelEvidence(IReadOnlyList<TransitionCoverage> Transitions, IReadOnlyList<GraphEvidence> Graphs);
public sealed record PhaseEvidence(string Kind, int Checks, int Passed, int Failed, double DurationSeconds);
public sealed record TraceEvidence(string CheckId, string Label, string[] Embodiments, string? Text, string? Mermaid, bool Passed);

/// <summary>The whole evidence bundle; every writer (json, html, junit, cyclonedx) reads this one object.</summary>
public sealed record EvidenceBundle(
    int Seed, int Cases, string Command, string ToolVersion, string GitCommit, DateTimeOffset GeneratedAt,
    double DurationSeconds, bool Passed, IReadOnlyList<PhaseEvidence> Phases, IReadOnlyList<CheckEvidence> Checks,
    IReadOnlyList<EmbodimentEvidence> Embodiments, IReadOnlyList<ClaimEvidence> Claims,
    IReadOnlyList<InvariantEvidence> Invariants, IReadOnlyList<FaultEvidence> Faults, ModelEvidence Model,
    [property: System.Text.Json.Serialization.JsonIgnore] IReadOnlyList<TraceEvidence> Traces, IReadOnlyList<string> Filter)
{
    public int PassedCount => Checks.Count(c => c.Passed);
    public int FailedCount => Checks.Count(c => !c.Passed);

    public static EvidenceBundle Build(IReadOnlyList<PhaseRun> phases, int seed, int cases, string command,
        string toolVersion, string gitCommit, double duration, IReadOnlyList<string> filter)
    {
        var checks = phases.SelectMany(p => p.Checks).Select(r => new CheckEvidence(
            r.Entry.Id, r.Entry.Meta.Title, r.Entry.Meta.Kind.ToString().ToLowerInvariant(), r.Entry.Meta.Requirements, [.. r.Entry.Meta.Exercised.Select(x => x.ToString())],
            r.Outcome.CasesRun, r.Outcome.Passed, r.Outcome.Message, r.Outcome.Replay, r.Outcome.Counterexample,
            r.Outcome.Classes, Math.Round(r.DurationSeconds, 4), r.Outcome.Facts)).ToList();

        string[] ForEmbodiment(string e) => checks.Where(c => c.Embodiments.Contains(e) || c.Requirements.Contains(e)).Select(c => c.Id).ToArray();
        string[] Citing(string r) => checks.Where(c => c.Requirements.Contains(r)).Select(c => c.Id).ToArray();
        bool AllPass(IEnumerable<string> ids) => ids.All(id => checks.First(c => c.Id == id).Passed);

        var embodiments = Requirements.Embodiments.Select(kv =>
        {
            var ids = ForEmbodiment(kv.Key);
            return new EmbodimentEvidence(kv.Key, kv.Value, Requirements.ClaimsOf(kv.Key).ToArray(), ids.Length > 0 && AllPass(ids), ids);
        }).ToList();
        var claims = Requirements.Claims.Select(kv =>
        {
            var es = Requirements.ClaimEmbodiments[kv.Key];
            var ids = Citing(kv.Key);
            var ok = es.All(e => embodiments.First(x => x.Id == e).Passed) && AllPass(ids);
            return new ClaimEvidence(kv.Key, kv.Value, es, ok, ids);
        }).ToList();
        var invariants = Requirements.Invariants.Select(kv =>
        {
            var ids = Citing(kv.Key);
            return new InvariantEvidence(kv.Key, kv.Value, ids.Length > 0 && AllPass(ids), ids);
        }).ToList();

        // A fault row is a check that seeded one fault (it names it); a summary check such as FAULTS-ALL-DETECTED is not.
        var faults = checks.Where(c => c.Kind == "fault" && c.Facts.ContainsKey("fault.description")).Select(c => new FaultEvidence(
            c.Id, Fact(c, "fault.description") ?? c.Title, c.Passed, Fact(c, "fault.detectedBy"),
            int.TryParse(Fact(c, "fault.casesToDetect"), out var n) ? n : null,
            Fact(c, "fault.counterexample") ?? c.Counterexample)).ToList();

        var transitions = new List<TransitionCoverage>();
        var graphs = new List<GraphEvidence>();
        foreach (var c in checks)
        {
            foreach (var (k, v) in c.Facts)
            {
                if (k.StartsWith("coverage.", StringComparison.Ordinal) && CoverageKey.Match(k) is { Success: true } m)
                    transitions.Add(new TransitionCoverage(m.Groups["m"].Value, m.Groups["s"].Value, m.Groups["t"].Value, m.Groups["d"].Value,
                        int.TryParse(v, out var cnt) ? cnt : 0));
            }
            foreach (var name in c.Facts.Keys.Where(k => k.StartsWith("graph.", StringComparison.Ordinal))
                         .Select(k => k["graph.".Length..]).Select(k => k[..Math.Max(0, k.LastIndexOf('.'))]).Where(n => n.Length > 0).Distinct())
                graphs.Add(new GraphEvidence(name, Fact(c, $"graph.{name}.mermaid"), Fact(c, $"graph.{name}.dot"), c.Id));
        }

        var traces = new List<TraceEvidence>();
        foreach (var c in checks)
        {
            // trace.text / trace.mermaid, or several labelled traces: trace.<label>.text / trace.<label>.mermaid
            var labels = c.Facts.Keys.Where(k => k.StartsWith("trace.", StringComparison.Ordinal) && (k.EndsWith(".text") || k.EndsWith(".mermaid") || k is "trace.text" or "trace.mermaid"))
                .Select(k => k is "trace.text" or "trace.mermaid" ? "" : k["trace.".Length..k.LastIndexOf('.')]).Distinct();
            foreach (var l in labels)
            {
                var p = l.Length == 0 ? "trace." : $"trace.{l}.";
                var embs = c.Embodiments.Length > 0 ? c.Embodiments : c.Requirements.Where(Requirements.Embodiments.ContainsKey).ToArray();
                traces.Add(new TraceEvidence(c.Id, l.Length == 0 ? c.Id : $"{c.Id} / {l}", embs, Fact(c, p + "text"), Fact(c, p + "mermaid"), c.Passed));
            }
        }

        var phaseEv = phases.Select(p => new PhaseEvidence(p.Kind.ToString().ToLowerInvariant(), p.Checks.Count, p.Passed, p.Failed, Math.Round(p.DurationSeconds, 3))).ToList();
        return new EvidenceBundle(seed, cases, command, toolVersion, gitCommit, DateTimeOffset.UtcNow, Math.Round(duration, 3),
            checks.All(c => c.Passed), phaseEv, checks, embodiments, claims, invariants, faults,
            new ModelEvidence(transitions.OrderBy(t => t.Machine).ThenBy(t => t.Source).ThenBy(t => t.Trigger).ToList(), graphs),
            traces, filter);
    }

    private static readonly Regex CoverageKey = new(@"^coverage\.(?<m>[^.]+)\.(?<s>.+?)--(?<t>.+)-->(?<d>.+)$", RegexOptions.Compiled);

    private static string? Fact(CheckEvidence c, string key) => c.Facts.TryGetValue(key, out var v) ? v : null;

    /// <summary>The replay command for one check (or the whole run when id is null).</summary>
    public string ReplayFor(string? id) =>
        id is null ? Command : $"dotnet run --project audit -- verify --seed {Seed} --cases {Cases} --only {id}";
}
