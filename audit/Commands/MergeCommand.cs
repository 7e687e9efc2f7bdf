using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using MultiWallet.Audit.Bundle;
using MultiWallet.Audit.Campaign;
using MultiWallet.Audit.Evidence;
using MultiWallet.Audit.Sharding;
using MultiWallet.Audit.Verdicts;
using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Invariants;
using MultiWallet.Impl.World;
using Spectre.Console;
using Spectre.Console.Cli;
using SharedCampaign = MultiWallet.Checks.Invariants.Campaign;

namespace MultiWallet.Audit.Commands;

/// <summary>
/// `merge OUT DIR...`: combines the shard bundles of one `verify --shard K/N` run into the signed bundle the unsharded
/// run writes. Each shard must verify; the campaign tallies are merged and every campaign-derived check is derived
/// from the merged result exactly as in one process (a failure is shrunk here, re-executing its cases); the other
/// checks' outcomes are taken from the one shard that ran each.
/// </summary>
public sealed class MergeCommand(IAnsiConsole console, ErrorConsole errors) : Command<MergeCommand.Settings>
{
    /// <summary>The exit codes, as the help shows them.</summary>
    public const string ExitCodes = "Exit codes: 0 every check of the merged run passed; 1 a check failed; 2 bad usage, a shard that does not verify or is not a shard, "
        + "shards of different runs (seed, budget, commit, N or selection) or a shard missing or given twice (each named), an unusable OUT or key; 3 internal error; 4 inconclusive (environment).";

    /// <summary>The arguments and options of the verb.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The merged bundle's directory.</summary>
        [CommandArgument(0, "<OUT>")]
        [Description("The merged bundle's directory (written atomically, like verify --out).")]
        public string Out { get; init; } = "";

        /// <summary>The shard bundles (each written by `verify --shard K/N`).</summary>
        [CommandArgument(1, "<DIR>")]
        [Description("The shard bundles, each written by `verify --shard K/N`: every K of one run exactly once.")]
        public string[] Dirs { get; init; } = [];

        /// <summary>PEM public key every shard must be signed with (default: each shard's own bundle.pub.pem).</summary>
        [CommandOption("--key <PEM>")]
        [Description("PEM public key every shard must be signed with (default: each shard's own bundle.pub.pem, which proves integrity, not identity).")]
        public string? Key { get; init; }

        /// <summary>PEM private key that signs the merged bundle (default: a fresh ECDSA P-256 key).</summary>
        [CommandOption("--sign-key <PEM>")]
        [Description("PEM private key (ECDSA or RSA) that signs the merged bundle. Default: a fresh ECDSA P-256 key.")]
        public string? SignKey { get; init; }

        /// <summary>Bad values are usage errors (exit 2).</summary>
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("merge needs the output directory");
            if (Dirs.Length == 0) return ValidationResult.Error("merge needs at least one shard bundle");
            return ValidationResult.Success();
        }
    }

    /// <summary>Runs the verb; the exit code is one of <see cref="AuditApp"/>'s (<see cref="ExitCodes"/>).</summary>
    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        string? publicKey = null;
        if (s.Key is not null)
        {
            try { publicKey = File.ReadAllText(s.Key); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return Usage($"--key {s.Key}: {e.Message}"); }
        }
        IReadOnlyList<CheckEntry> catalog;
        try { catalog = CheckCatalog.Discover(VerifyCommand.CatalogAssemblies()); }
        catch (Exception e) when (e is InvalidOperationException or ReflectionTypeLoadException or FileNotFoundException)
        {
            return Usage($"cannot load the check catalog: {e.Message}");
        }

        IReadOnlyList<LoadedShard> shards;
        try { shards = ShardSet.Load(s.Dirs, publicKey, OutcomeJson.Options(VerifyCommand.CatalogAssemblies())); }
        catch (ShardSetException e) { return Usage("cannot merge: " + e.Message); }
        var m = shards[0].Manifest;
        var selectedIds = m.Selected.ToHashSet(StringComparer.Ordinal);
        var unknown = selectedIds.Where(id => catalog.All(c => c.Id != id)).ToList();
        if (unknown.Count > 0) return Usage($"cannot merge: the shards selected check(s) this catalog does not have: {string.Join(", ", unknown)}");
        var selected = catalog.Where(c => selectedIds.Contains(c.Id)).ToList();
        var derived = selected.Where(c => SharedCampaign.DerivedCheckIds.Contains(c.Id)).ToList();

        // Every other selected check ran in exactly one shard.
        var ran = new Dictionary<string, ShardCheck>(StringComparer.Ordinal);
        foreach (var sh in shards)
            foreach (var c in sh.Manifest.Checks)
            {
                if (!selectedIds.Contains(c.Id) || SharedCampaign.DerivedCheckIds.Contains(c.Id)) return Usage($"cannot merge: {sh.Dir} ran {c.Id}, which no shard of this run runs");
                if (!ran.TryAdd(c.Id, c)) return Usage($"cannot merge: {c.Id} ran in two shards");
            }
        var notRun = selected.Where(c => !SharedCampaign.DerivedCheckIds.Contains(c.Id) && !ran.ContainsKey(c.Id)).Select(c => c.Id).ToList();
        if (notRun.Count > 0) return Usage($"cannot merge: no shard ran {string.Join(", ", notRun)}");

        CampaignResult? merged = null;
        if (derived.Count > 0)
        {
            if (shards.FirstOrDefault(sh => sh.Campaign is null) is { } without) return Usage($"cannot merge: {without.Dir} has no campaign slice");
            try { merged = TallyJson.Merge([.. shards.Select(sh => sh.Campaign!)]); }
            catch (FormatException e) { return Usage("cannot merge the campaign slices: " + e.Message); }
        }

        if (OutputDirectory.ForBundle(s.Out, errors.Console) is not { } dir) return AuditApp.ExitUsage;
        if (BundleKey.Load(s.SignKey, errors.Console) is not { } key) return AuditApp.ExitUsage;
        using var signingKey = key;
        var transport = m.Network == "http" ? WorldTransport.Http : WorldTransport.InMemory;
        console.MarkupLineInterpolated($"[bold]MultiWallet merge[/]: {shards.Count} shard(s) of seed {m.Seed}, {m.Cases} cases, commit {m.Commit}");

        var (phases, log) = Phases(selected, derived, ran, merged, m, transport);
        var reproducibility = BuildEnvironment.Capture(m.Command, m.Seed, m.Cases, VerdictModel.DefaultFullBudget, m.Network, m.Filter, m.Commit, m.Dirty);
        var bundle = EvidenceBundle.Build(catalog, phases, reproducibility, BuildEnvironment.ToolVersion(), total.Elapsed.TotalSeconds);
        var files = BundleWriter.Write(bundle, dir, log, signingKey, temp =>
        {
            CounterexampleFiles.Write(bundle, temp, shownAs: dir);
            if (merged is not null) CaseLedgerWriter.Write(merged, temp);
        });

        foreach (var c in bundle.Checks.Where(c => !c.Passed)) console.WriteRaw($"FAILED {c.Id}: {c.Message.Split('\n')[0]}");
        console.WriteRaw($"merged: {bundle.PassedCount} passed, {bundle.FailedCount} failed of {bundle.Checks.Count} checks");
        console.MarkupLine(bundle.Passed ? "[green bold]PASSED[/]" : "[red bold]FAILED[/]");
        console.WriteLine("evidence:");
        foreach (var f in files) console.WriteLine("  " + Path.Combine(dir, f));
        BundleKey.Describe(signingKey, console);
        console.WriteRaw("replay: " + bundle.Command);
        return !bundle.Passed ? AuditApp.ExitFailed : bundle.Checks.Any(c => c.Inconclusive is not null) ? AuditApp.ExitInconclusive : AuditApp.ExitOk;
    }

    /// <summary>
    /// The merged run's phases and checks.log, laid out as one process lays them out: the campaign, then one phase per
    /// check kind with its checks in catalog order. A phase's time is the sum of its checks' times across the shards.
    /// </summary>
    private (IReadOnlyList<PhaseRun>, string) Phases(IReadOnlyList<CheckEntry> selected, IReadOnlyList<CheckEntry> derived, IReadOnlyDictionary<string, ShardCheck> ran,
        CampaignResult? merged, ShardManifest m, WorldTransport transport)
    {
        var phases = new List<PhaseRun>();
        var log = new StringBuilder();
        var derivedRuns = new Dictionary<string, CheckRun>(StringComparer.Ordinal);
        if (merged is not null)
        {
            SharedCampaign.Use(merged);
            var campaign = new PhaseRun(PhaseRun.CampaignName, [], merged.Seconds, merged.CpuSeconds);
            phases.Add(campaign);
            log.AppendLine(CampaignRunner.CampaignLogLine(m.Seed, m.Cases, merged.Scenarios));
            foreach (var r in CampaignRunner.Run(console, derived, m.Seed, m.Cases, new StringBuilder(), transport, m.Exhaustive).SelectMany(p => p.Checks))
                derivedRuns[r.Entry.Id] = r;
        }
        foreach (var kind in selected.GroupBy(c => c.Meta.Kind).OrderBy(g => g.Key))
        {
            var runs = kind.Select(e => derivedRuns.TryGetValue(e.Id, out var d) ? d
                : new CheckRun(e, ran[e.Id].Outcome, ran[e.Id].DurationSeconds) { Log = ran[e.Id].Log }).ToList();
            foreach (var r in runs) log.Append(r.Log);
            phases.Add(new PhaseRun(kind.Key.ToString().ToLowerInvariant(), runs, runs.Sum(r => r.DurationSeconds), 0));
        }
        return (phases, log.ToString());
    }

    private int Usage(string message)
    {
        errors.Console.MarkupLineInterpolated($"[red]usage error:[/] {message}");
        return AuditApp.ExitUsage;
    }
}
