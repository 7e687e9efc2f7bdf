using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MultiWallet.Audit.Bundle;
using MultiWallet.Audit.Campaign;
using MultiWallet.Audit.Evidence;
using MultiWallet.Audit.Verdicts;
using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Invariants;
using Spectre.Console;
using SharedCampaign = MultiWallet.Checks.Invariants.Campaign;

namespace MultiWallet.Audit.Sharding;

/// <summary>
/// Runs one shard of `verify` (<see cref="ShardSpec"/>): its slice of the shared campaign and its share of the other
/// selected checks, and writes a shard bundle: the usual signed bundle, whose filter names the shard (so its verdicts
/// claim nothing), plus <see cref="ShardManifest.FileName"/> and <see cref="ShardManifest.CampaignFileName"/> for `audit merge`.
/// </summary>
public sealed class ShardRun(IAnsiConsole console)
{
    /// <summary>The non-campaign checks of <paramref name="selected"/> that <paramref name="shard"/> runs, in catalog order.</summary>
    public static IReadOnlyList<CheckEntry> ChecksOf(ShardSpec shard, IReadOnlyList<CheckEntry> selected)
    {
        var mine = selected.Where(c => !SharedCampaign.DerivedCheckIds.Contains(c.Id)).OrderBy(c => c.Id, StringComparer.Ordinal)
            .Where((_, i) => shard.OwnsCheck(i)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return [.. selected.Where(c => mine.Contains(c.Id))];
    }

    /// <summary>Runs the shard and writes its bundle to <paramref name="dir"/>; returns verify's exit code for what it ran.</summary>
    public int Execute(ShardRequest r, string dir, SigningKey key, Stopwatch total)
    {
        var shard = r.Shard;
        var mine = ChecksOf(shard, r.Selected);
        var campaign = r.Selected.Any(c => SharedCampaign.DerivedCheckIds.Contains(c.Id));
        console.WriteRaw($"shard {shard}: {mine.Count} of {r.Selected.Count(c => !SharedCampaign.DerivedCheckIds.Contains(c.Id))} non-campaign check(s)"
            + (campaign ? $", every {shard.N}th case of the shared campaign" : ", no campaign"));

        var log = new StringBuilder();
        var phases = new List<PhaseRun>();
        CampaignResult? slice = null;
        bool Owns(MultiWallet.Model.Vocabulary.Embodiment e, int i) => shard.OwnsCase(e, i, r.Cases);
        if (campaign)
        {
            var wall = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            slice = SharedCampaign.Run(r.Seed, r.Cases, r.Transport, slice: Owns);
            var run = new PhaseRun(PhaseRun.CampaignName, [], wall.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            phases.Add(run);
            log.AppendLine($"### campaign slice {shard} seed={r.Seed} cases={r.Cases}: {slice.Scenarios} scenarios in {run.DurationSeconds:0.00} s, {run.CpuSeconds:0.00} CPU-s");
            console.WriteRaw($"== phase campaign (shard {shard}): {slice.Scenarios} scenarios in {run.DurationSeconds:0.00}s");
        }
        phases.AddRange(CampaignRunner.Run(console, mine, r.Seed, r.Cases, log, r.Transport, r.Exhaustive, r.Jobs));

        var reproducibility = BuildEnvironment.Capture($"{r.Command} --shard {shard}", r.Seed, r.Cases, VerdictModel.DefaultFullBudget, r.Network,
            [.. r.Filter, shard.FilterEntry], r.Commit, r.Dirty);
        var bundle = EvidenceBundle.Build(r.Catalog, phases, reproducibility, BuildEnvironment.ToolVersion(), total.Elapsed.TotalSeconds);
        var manifest = new ShardManifest
        {
            Shard = shard.K, Shards = shard.N, Seed = r.Seed, Cases = r.Cases, Network = r.Network, Exhaustive = r.Exhaustive,
            Commit = r.Commit, Dirty = r.Dirty, Command = r.Command, Filter = r.Filter, Selected = [.. r.Selected.Select(c => c.Id)],
            Checks = [.. phases.SelectMany(p => p.Checks).Select(c => new ShardCheck { Id = c.Entry.Id, DurationSeconds = c.DurationSeconds, Log = c.Log, Outcome = c.Outcome })],
            Campaign = campaign,
        };
        var options = OutcomeJson.Options(Commands.VerifyCommand.CatalogAssemblies());
        var json = JsonSerializer.Serialize(manifest, options);
        // The merge must read back exactly what the checks returned: an evidence type that does not round-trip is a bug here, not a result.
        if (JsonSerializer.Serialize(JsonSerializer.Deserialize<ShardManifest>(json, options), options) != json)
            throw new InvalidOperationException("a check's outcome does not survive serialization into " + ShardManifest.FileName + ": " +
                string.Join(", ", manifest.Checks.Where(c => JsonSerializer.Serialize(JsonSerializer.Deserialize<ShardCheck>(JsonSerializer.Serialize(c, options), options), options) != JsonSerializer.Serialize(c, options)).Select(c => c.Id)));
        var files = BundleWriter.Write(bundle, dir, log.ToString(), key, temp =>
        {
            CounterexampleFiles.Write(bundle, temp, shownAs: dir);
            File.WriteAllText(Path.Combine(temp, ShardManifest.FileName), json);
            if (slice is not null) File.WriteAllText(Path.Combine(temp, ShardManifest.CampaignFileName), TallyJson.Write(slice, Owns));
        });

        foreach (var c in bundle.Checks.Where(c => !c.Passed)) console.WriteRaw($"FAILED {c.Id}: {c.Message.Split('\n')[0]}");
        console.WriteRaw($"shard {shard}: {bundle.PassedCount} passed, {bundle.FailedCount} failed; a slice: `audit merge` judges the run");
        console.WriteLine("evidence:");
        foreach (var f in files) console.WriteLine("  " + Path.Combine(dir, f));
        BundleKey.Describe(key, console);
        return !bundle.Passed ? AuditApp.ExitFailed : bundle.Checks.Any(c => c.Inconclusive is not null) ? AuditApp.ExitInconclusive : AuditApp.ExitOk;
    }
}
