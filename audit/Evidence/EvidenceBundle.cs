using System.Text.Json.Serialization;
using MultiWallet.Audit.Campaign;
using MultiWallet.Audit.Verdicts;
using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Evidence;

/// <summary>The whole evidence bundle; every writer (json, html, junit, cyclonedx) reads this one object and its <see cref="Verdicts"/>.</summary>
/// <param name="Seed">The seed of every generator.</param>
/// <param name="Cases">Generated cases per property check.</param>
/// <param name="Command">The command that replays the whole run.</param>
/// <param name="ToolVersion">The audit tool's version.</param>
/// <param name="GitCommit">The commit the run was built from.</param>
/// <param name="GeneratedAt">When the bundle was built (timings.json).</param>
/// <param name="DurationSeconds">Wall time of the run (timings.json).</param>
/// <param name="Passed">Whether every check passed.</param>
/// <param name="Phases">The phases, in run order.</param>
/// <param name="Checks">Every check run.</param>
/// <param name="Embodiments">E1..E12, judged by <see cref="Verdicts"/>.</param>
/// <param name="Claims">C1..C13, judged by <see cref="Verdicts"/>.</param>
/// <param name="Invariants">The INV-* requirements, judged by <see cref="Verdicts"/>.</param>
/// <param name="Faults">The seeded faults and their detection.</param>
/// <param name="Attacks">What the attacker campaign tried and which properties held, or null when <c>ATTACK-CAMPAIGN</c> did not run.</param>
/// <param name="Model">Transition coverage and machine graphs.</param>
/// <param name="Traces">The traces the report shows (not in evidence.json: the checks' facts carry them).</param>
/// <param name="Filter">The --only / --embodiment filter of the run, if any.</param>
public sealed record EvidenceBundle(
    int Seed, int Cases, string Command, string ToolVersion, string GitCommit, [property: JsonIgnore] DateTimeOffset GeneratedAt,
    [property: JsonIgnore] double DurationSeconds, bool Passed, IReadOnlyList<PhaseRecord> Phases, IReadOnlyList<CheckRecord> Checks,
    IReadOnlyList<EmbodimentRecord> Embodiments, IReadOnlyList<ClaimRecord> Claims,
    IReadOnlyList<InvariantRecord> Invariants, IReadOnlyList<FaultRecord> Faults, AttacksRecord? Attacks, ModelRecord Model,
    [property: JsonIgnore] IReadOnlyList<TraceRecord> Traces, IReadOnlyList<string> Filter)
{
    /// <summary>The one verdict model every artifact renders: a status and the backing checks of every requirement.</summary>
    public required VerdictModel Verdicts { get; init; }

    /// <summary>What a re-run needs, and what this run ran on.</summary>
    public required ReproducibilityRecord Reproducibility { get; init; }

    /// <summary>The exhaustive small-scope run's bound, case count and statement, or null when <c>EXHAUSTIVE-SMALL-SCOPE</c> did not run.</summary>
    public ExhaustiveRecord? Exhaustive { get; init; }

    /// <summary>Checks that passed.</summary>
    public int PassedCount => Checks.Count(c => c.Passed);

    /// <summary>Checks that failed.</summary>
    public int FailedCount => Checks.Count(c => !c.Passed);

    /// <summary>Classes in ordinal order: a check that counts them on several cores (or a merge of shards) must not show the order they arrived in.</summary>
    private static IReadOnlyDictionary<string, int> Ordered(IReadOnlyDictionary<string, int> classes) =>
        new SortedDictionary<string, int>(classes.ToDictionary(), StringComparer.Ordinal);

    /// <summary>Builds the bundle from the phases the campaign ran, reading each check's typed evidence.</summary>
    /// <param name="catalog">The full catalog: a verdict weighs every check that backs a requirement, run or not.</param>
    /// <param name="phases">The phases the campaign ran.</param>
    /// <param name="reproducibility">The reproducibility block (seed, budget, command, toolchain, packages).</param>
    /// <param name="toolVersion">The audit's version.</param>
    /// <param name="duration">Wall time of the run, in seconds.</param>
    public static EvidenceBundle Build(IReadOnlyList<CheckEntry> catalog, IReadOnlyList<PhaseRun> phases, ReproducibilityRecord reproducibility,
        string toolVersion, double duration)
    {
        var (seed, cases, command, filter) = (reproducibility.Seed, reproducibility.Cases, reproducibility.Command, reproducibility.Filter);
        var checks = phases.SelectMany(p => p.Checks).Select(r => new CheckRecord(
            r.Entry.Id, r.Entry.Meta.Title, r.Entry.Meta.Kind.ToString().ToLowerInvariant(), r.Entry.Meta.Requirements, [.. r.Entry.Meta.Exercised.Select(x => x.ToString())],
            r.Outcome.CasesRun, r.Outcome.Passed, r.Outcome.Message, r.Outcome.Replay, r.Outcome.Counterexample,
            Ordered(r.Outcome.Classes), Math.Round(r.DurationSeconds, 4), FactRendering.Flatten(r.Outcome.Evidence), r.Outcome.Evidence) { Inconclusive = r.Outcome.Inconclusive }).ToList();

        var catalogMetas = catalog.Select(e => e.Meta).ToList();
        var outcomes = phases.SelectMany(p => p.Checks).ToDictionary(r => r.Entry.Id, r => r.Outcome);
        // A shard's filter names it (ShardSpec.FilterEntry): its verdicts then claim nothing.
        var slice = filter.FirstOrDefault(f => f.StartsWith("--shard ", StringComparison.Ordinal));
        var verdicts = VerdictModel.Compute(catalogMetas, outcomes, cases, slice: slice);
        // A record lists the backing checks this run ran (the report links them); its verdict lists the rest.
        string[] Ran(RequirementVerdict v) => [.. v.Backing.Where(outcomes.ContainsKey)];

        var embodiments = Requirements.Embodiments.Select(kv =>
        {
            var v = verdicts[kv.Key];
            return new EmbodimentRecord(kv.Key, kv.Value, Requirements.ClaimsOf(kv.Key).ToArray(), v.Status == VerdictStatus.Conforms, Ran(v)) { Status = v.StatusLabel };
        }).ToList();
        var claims = Requirements.Claims.Select(kv =>
        {
            var v = verdicts[kv.Key];
            return new ClaimRecord(kv.Key, kv.Value, Requirements.ClaimEmbodiments[kv.Key], v.Status == VerdictStatus.Conforms, Ran(v)) { Status = v.StatusLabel };
        }).ToList();
        var invariants = Requirements.Invariants.Select(kv =>
        {
            var v = verdicts[kv.Key];
            return new InvariantRecord(kv.Key, kv.Value, v.Status == VerdictStatus.Conforms, Ran(v)) { Status = v.StatusLabel };
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
        return new EvidenceBundle(seed, cases, command, toolVersion, reproducibility.GitCommit, DateTimeOffset.UtcNow, Math.Round(duration, 3),
            checks.All(c => c.Passed), phaseRecords, checks, embodiments, claims, invariants, faults, attacks,
            new ModelRecord(transitions.OrderBy(t => t.Machine).ThenBy(t => t.Source).ThenBy(t => t.Trigger).ToList(), graphs),
            traces, filter)
        { Verdicts = verdicts, Reproducibility = reproducibility, Exhaustive = ExhaustiveRecord.From(checks) };
    }

    /// <summary>The replay command for one check (or the whole run when id is null).</summary>
    public string ReplayFor(string? id) =>
        id is null ? Command : $"dotnet run --project audit -- verify --seed {Seed} --cases {Cases} --only {id}";
}
