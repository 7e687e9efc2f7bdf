using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// Three `verify --shard K/3` processes and `merge` give the bundle one unsharded `verify` process gives, byte for byte,
/// wall-clock fields aside: the masks of <see cref="DeterminismTests"/> (junit's time/timestamp, CycloneDX's
/// timestamp/created) and nothing more.
/// </summary>
public sealed partial class ShardMergeTests(ShardMergeTests.Runs runs) : IClassFixture<ShardMergeTests.Runs>
{
    /// <summary>
    /// A small selection with campaign-derived checks (two properties, coverage, the model's mutation test, which fails at
    /// this budget: a failure must merge too) and non-campaign ones (a model check, an example, and two seeded faults, whose
    /// shrunk counterexamples, one of them attacked, travel through shard.json and come out as the same scenario files).
    /// </summary>
    public static readonly string[] Args = ["--cases", "4", "--seed", "4242", "--only",
        "CATALOG-WELLFORMED,FOUNDATION-PURCHASE,FAULT-E1-FIRST-WUM,FAULT-E7-MASTER-PROXIES-FORGED-SESSION,PROP-INV-CONFORM,PROP-INV-ONCE,MODEL-COVERAGE,MODEL-PERTURBATION-DETECTED"];

    /// <summary>The processes, run once for the class: the unsharded run, three shards side by side, and their merge.</summary>
    public sealed class Runs : IDisposable
    {
        /// <summary>The scratch directory everything is written under.</summary>
        public string Root { get; } = Path.Combine(Path.GetTempPath(), "mw-shard-" + Guid.NewGuid().ToString("N"));
        /// <summary>The unsharded run's exit code and output.</summary>
        public (int Code, string Output) Whole { get; }
        /// <summary>The shards' exit codes and outputs.</summary>
        public IReadOnlyList<(int Code, string Output)> Shards { get; }
        /// <summary>The merge's exit code and output.</summary>
        public (int Code, string Output) Merge { get; }

        /// <summary>Runs them.</summary>
        public Runs()
        {
            Directory.CreateDirectory(Root);
            // Each run writes "ev" under its own working directory, so the evidence names the same relative --out.
            var whole = Task.Run(() => Audit(Dir("whole"), [.. Args.Prepend("verify"), "--out", "ev"]));
            var shards = Enumerable.Range(1, 3).Select(k => Task.Run(() => Audit(Dir($"shard{k}"), [.. Args.Prepend("verify"), "--out", "ev", "--shard", $"{k}/3"]))).ToArray();
            Shards = [.. shards.Select(t => t.GetAwaiter().GetResult())];
            Whole = whole.GetAwaiter().GetResult();
            Merge = Audit(Dir("merged"), ["merge", "ev", .. Enumerable.Range(1, 3).Select(k => Path.Combine(Root, $"shard{k}", "ev"))]);
        }

        /// <summary>A fresh working directory under <see cref="Root"/>.</summary>
        public string Dir(string name) => Directory.CreateDirectory(Path.Combine(Root, name)).FullName;

        /// <inheritdoc/>
        public void Dispose()
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, true);
        }
    }

    /// <summary>Runs the audit as its own process (`dotnet MultiWallet.Audit.dll ...`) in <paramref name="cwd"/>.</summary>
    public static (int Code, string Output) Audit(string cwd, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = cwd };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MultiWallet.Audit.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output + err.GetAwaiter().GetResult());
    }

    [GeneratedRegex("""\b(time|timestamp)="[^"]*""")]
    private static partial Regex JUnitClock();

    [GeneratedRegex(""""(timestamp|created)": "[^"]*"""")]
    private static partial Regex CycloneDxClock();


    private string File(string run, string name) => Path.Combine(runs.Root, run, "ev", name);

    private string Masked(string run, string name, params Regex[] masks) =>
        masks.Aggregate(System.IO.File.ReadAllText(File(run, name)), (text, m) => m.Replace(text, x => x.Groups[1].Value + "=*"));

    [Fact]
    public void Three_shard_processes_merged_equal_one_unsharded_process()
    {
        Assert.True(runs.Whole.Code == 1, runs.Whole.Output); // MODEL-PERTURBATION-DETECTED fails at 4 cases
        Assert.All(runs.Shards, s => Assert.True(s.Code == 0, s.Output)); // no shard runs a campaign-derived check
        Assert.True(runs.Merge.Code == 1, runs.Merge.Output);

        foreach (var exact in new[] { "evidence.json", "checks.log", "sbom.cdx.json", "cases.jsonl" })
            Assert.True(System.IO.File.ReadAllBytes(File("whole", exact)).SequenceEqual(System.IO.File.ReadAllBytes(File("merged", exact))), $"{exact} differs");
        Assert.Equal(Masked("whole", "junit.xml", JUnitClock()), Masked("merged", "junit.xml", JUnitClock()));
        Assert.Equal(Masked("whole", "attestation.cdx.json", CycloneDxClock()), Masked("merged", "attestation.cdx.json", CycloneDxClock()));
        Assert.Equal(Directory.GetFiles(Path.Combine(runs.Root, "whole", "ev"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(runs.Root, "whole"), f)).Order(),
            Directory.GetFiles(Path.Combine(runs.Root, "merged", "ev"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(runs.Root, "merged"), f)).Order());

        // The masks hide only what they say: the campaign-derived checks and their failure are in the compared evidence.
        var evidence = System.IO.File.ReadAllText(File("merged", "evidence.json"));
        Assert.Contains("\"PROP-INV-CONFORM\"", evidence, StringComparison.Ordinal);
        Assert.Contains("perturbation(s) not detected", evidence, StringComparison.Ordinal);
        Assert.Contains("\"FOUNDATION-PURCHASE\"", evidence, StringComparison.Ordinal);
        Assert.DoesNotContain("--shard", evidence, StringComparison.Ordinal);
        foreach (var cex in new[] { "FAULT-E1-FIRST-WUM-E1.yaml", "FAULT-E7-MASTER-PROXIES-FORGED-SESSION-E7.yaml" })
            Assert.Equal(System.IO.File.ReadAllText(Path.Combine(runs.Root, "whole", "ev", "counterexamples", cex)),
                System.IO.File.ReadAllText(Path.Combine(runs.Root, "merged", "ev", "counterexamples", cex)));
    }

    [Fact]
    public void A_shard_bundle_is_marked_as_one_carries_its_partial_result_and_claims_nothing()
    {
        for (var k = 1; k <= 3; k++)
        {
            var evidence = System.IO.File.ReadAllText(File($"shard{k}", "evidence.json"));
            Assert.Contains($"--shard {k}/3", evidence, StringComparison.Ordinal);
            Assert.DoesNotContain("\"status\": \"conforms\"", evidence, StringComparison.Ordinal);
            Assert.True(System.IO.File.Exists(File($"shard{k}", "shard.json")));
            Assert.True(System.IO.File.Exists(File($"shard{k}", "campaign-slice.json")));
            Assert.Equal(0, Audit(runs.Root, ["verify-bundle", Path.Combine(runs.Root, $"shard{k}", "ev")]).Code);
        }
    }

    [Fact]
    public void Merge_refuses_a_missing_a_repeated_or_a_tampered_shard_naming_it()
    {
        string Shard(int k) => Path.Combine(runs.Root, $"shard{k}", "ev");
        var missing = Audit(runs.Dir("m-missing"), ["merge", "ev", Shard(1), Shard(2)]);
        Assert.Equal(2, missing.Code);
        Assert.Contains("missing shard(s) 3/3", missing.Output, StringComparison.Ordinal);

        var twice = Audit(runs.Dir("m-twice"), ["merge", "ev", Shard(1), Shard(2), Shard(2), Shard(3)]);
        Assert.Equal(2, twice.Code);
        Assert.Contains("shard 2/3 twice", twice.Output, StringComparison.Ordinal);

        var copy = runs.Dir("tampered");
        foreach (var f in Directory.GetFiles(Shard(3))) System.IO.File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
        var slice = Path.Combine(copy, "campaign-slice.json");
        System.IO.File.WriteAllText(slice, System.IO.File.ReadAllText(slice).Replace("\"perEmbodiment\": 4", "\"perEmbodiment\": 5", StringComparison.Ordinal));
        var tampered = Audit(runs.Dir("m-tampered"), ["merge", "ev", Shard(1), Shard(2), copy]);
        Assert.Equal(2, tampered.Code);
        Assert.Contains("does not verify", tampered.Output, StringComparison.Ordinal);
        Assert.Contains("campaign-slice.json", tampered.Output, StringComparison.Ordinal);

        var notShard = Audit(runs.Dir("m-notshard"), ["merge", "ev", Path.Combine(runs.Root, "whole", "ev")]);
        Assert.Equal(2, notShard.Code);
        Assert.Contains("not a shard bundle", notShard.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(runs.Root, "m-missing", "ev")), "a refused merge writes nothing");
    }
}
