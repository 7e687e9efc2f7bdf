using System.Text.Json.Serialization;
using MultiWallet.Audit.Campaign;
using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Evidence;

/// <summary>The whole evidence bundle; every writer (json, html, junit, cyclonedx) reads this one object.</summary>
/// <param name="Seed">The seed of every generator.</param>
/// <param name="Cases">Generated cases per property check.</param>
/// <param name="Command">The command that replays the whole run.</param>
/// <param name="ToolVersion">The audit tool's version.</param>
/// <param name="GitCommit">The commit the run was built from.</param>
/// <param name="GeneratedAt">When the bundle was built.</param>
/// <param name="DurationSeconds">Wall time of the run.</param>
/// <param name="Passed">Whether every check passed.</param>
/// <param name="Phases">The phases, in run order.</param>
/// <param name="Checks">Every check run.</param>
/// <param name="Embodiments">E1..E12.</param>
/// <param name="Claims">C1..C13.</param>
/// <param name="Invariants">The INV-* requirements.</param>
/// <param name="Faults">The seeded faults and their detection.</param>
/// <param name="Attacks">What the attacker campaign tried and which properties held, or null when <c>ATTACK-CAMPAIGN</c> did not run.</param>
/// <param name="Model">Transition coverage and machine graphs.</param>
/// <param name="Traces">The traces the report shows (not in evidence.json: the checks' facts carry them).</param>
/// <param name="Filter">The --only / --embodiment filter of the run, if any.</param>
public sealed record EvidenceBundle(
    int Seed, int Cases, string Command, string ToolVersion, string GitCommit, DateTimeOffset GeneratedAt,
    double DurationSeconds, bool Passed, IReadOnlyList<PhaseRecord> Phases, IReadOnlyList<CheckRecord> Checks,
    IReadOnlyList<EmbodimentRecord> Embodiments, IReadOnlyList<ClaimRecord> Claims,
    IReadOnlyList<InvariantRecord> Invariants, IReadOnlyList<FaultRecord> Faults, AttacksRecord? Attacks, ModelRecord Model,
    [property: JsonIgnore] IReadOnlyList<TraceRecord> Traces, IReadOnlyList<string> Filter)
{
    /// <summary>Checks that passed.</summary>
    public int PassedCount => Checks.Count(c => c.Passed);

    /// <summary>Checks that failed.</summary>
    public int FailedCount => Checks.Count(c => !c.Passed);

    /// <summary>Builds the bundle from the phases the campaign ran, reading each check's typed evidence.</summary>
    public static EvidenceBundle Build(IReadOnlyList<PhaseRun> phases, int seed, int cases, string command,
        string toolVersion, string gitCommit, double duration, IReadOnlyList<string> filter)
    {
        var checks = phases.SelectMany(p => p.Checks).Select(r => new CheckRecord(
            r.Entry.Id, r.Entry.Meta.Title, r.Entry.Meta.Kind.ToString().ToLowerInvariant(), r.Entry.Meta.Requirements, [.. r.Entry.Meta.Exercised.Select(x => x.ToString())],
            r.Outcome.CasesRun, r.Outcome.Passed, r.Outcome.Message, r.Outcome.Replay, r.Outcome.Counterexample,
            r.Outcome.Classes, Math.Round(r.DurationSeconds, 4), FactRendering.Flatten(r.Outcome.Evidence), r.Outcome.Evidence) { Inconclusive = r.Outcome.Inconclusive }).ToList();

        string[] ForEmbodiment(string e) => checks.Where(c => c.Embodiments.Contains(e) || c.Requirements.Contains(e)).Select(c => c.Id).ToArray();
        string[] Citing(string r) => checks.Where(c => c.Requirements.Contains(r)).Select(c => c.Id).ToArray();
        bool AllPass(IEnumerable<string> ids) => ids.All(id => checks.First(c => c.Id == id).Passed);

        var embodiments = Requirements.Embodiments.Select(kv =>
        {
            var ids = ForEmbodiment(kv.Key);
            return new EmbodimentRecord(kv.Key, kv.Value, Requirements.ClaimsOf(kv.Key).ToArray(), ids.Length > 0 && AllPass(ids), ids);
        }).ToList();
        var claims = Requirements.Claims.Select(kv =>
        {
            var es = Requirements.ClaimEmbodiments[kv.Key];
            var ids = Citing(kv.Key);
            var ok = es.All(e => embodiments.First(x => x.Id == e).Passed) && AllPass(ids);
            return new ClaimRecord(kv.Key, kv.Value, es, ok, ids);
        }).ToList();
        var invariants = Requirements.Invariants.Select(kv =>
        {
            var ids = Citing(kv.Key);
            return new InvariantRecord(kv.Key, kv.Value, ids.Length > 0 && AllPass(ids), ids);
        }).ToList();

        // A fault row is a check that seeded one fault (it publishes its detection); a summary check such as
        // FAULTS-ALL-DETECTED publishes tallies instead.
        var faults = checks.Where(c => c.Kind == "fault")
            .SelectMany(c => c.Evidence.OfType<FaultDetection>().Take(1).Select(f => new FaultRecord(
                c.Id, f.Description, c.Passed, f.DetectedBy ?? "", f.CasesToDetect, f.Counterexample ?? "")))
            .ToList();

        var attacks = checks.SelectMany(c => c.Evidence.OfType<AttackEvidence>().Take(1).Select(a => AttacksRecord.From(c.Id, a))).FirstOrDefault();

        var transitions = checks.SelectMany(c => c.Evidence.OfType<TransitionCounts>())
            .Where(t => t.Run == TransitionRun.Generated)
            .SelectMany(t => t.Counts)
            .Select(t => new TransitionRecord(t.Transition.Machine, t.Transition.Source, t.Transition.Trigger, t.Transition.Destination, t.Count))
            .ToList();
        var graphs = checks.SelectMany(c => c.Evidence.OfType<GraphEvidence>().Select(g => new GraphRecord(g.Machine, g.Mermaid, g.Dot, c.Id))).ToList();

        var traces = checks.SelectMany(c => c.Evidence.OfType<TraceEvidence>().Select(t => new TraceRecord(
            c.Id, t.Label is null ? c.Id : $"{c.Id} / {t.Label}",
            c.Embodiments.Length > 0 ? c.Embodiments : c.Requirements.Where(Requirements.Embodiments.ContainsKey).ToArray(),
            t.Text, t.Mermaid, c.Passed))).ToList();

        var phaseRecords = phases.Select(p => new PhaseRecord(p.Name, p.Checks.Count, p.Passed, p.Failed, Math.Round(p.DurationSeconds, 3))).ToList();
        return new EvidenceBundle(seed, cases, command, toolVersion, gitCommit, DateTimeOffset.UtcNow, Math.Round(duration, 3),
            checks.All(c => c.Passed), phaseRecords, checks, embodiments, claims, invariants, faults, attacks,
            new ModelRecord(transitions.OrderBy(t => t.Machine).ThenBy(t => t.Source).ThenBy(t => t.Trigger).ToList(), graphs),
            traces, filter);
    }

    /// <summary>The replay command for one check (or the whole run when id is null).</summary>
    public string ReplayFor(string? id) =>
        id is null ? Command : $"dotnet run --project audit -- verify --seed {Seed} --cases {Cases} --only {id}";
}
