using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Traces.Scenarios;
using MultiWallet.Checks.Traces.TraceRendering;
using Snapshooter.Xunit;
using Xunit;

namespace MultiWallet.Tests.Catalog;

/// <summary>
/// The guarantees snapshot testing rests on, for both matchers (Snapshooter's under xunit, the committed-file one the
/// audit uses): a changed trace fails, a missing snapshot fails in strict mode, the snapshot folder is found wherever
/// the binaries run, and every committed snapshot belongs to a scenario. Every test that touches Snapshooter or
/// SNAPSHOOTER_STRICT_MODE is in one collection, so xunit runs them one after another (a successful match of a
/// snapshot deletes its __mismatch__ file, and the strict-mode test changes the environment).
/// </summary>
[Collection(SnapshotCollection.Name)]
public sealed class TraceSnapshotTests
{
    private const string Scenario = "E7-patent-example";

    [Fact]
    public void A_changed_trace_fails_the_match_and_leaves_a_mismatch_file()
    {
        var committed = File.ReadAllText(SnapshotStore.SnapPath(Scenario));
        var altered = committed.Replace("PInitReq", "PInitReX", StringComparison.Ordinal);
        Assert.NotEqual(committed, altered);
        var mismatchFile = SnapshotStore.MismatchPath(Scenario);
        var mismatchDir = Path.GetDirectoryName(mismatchFile)!;
        try
        {
            Assert.NotNull(SnapshooterMatcher.Instance.Match(Scenario, altered));
            Assert.True(File.Exists(mismatchFile), $"expected Snapshooter to write {mismatchFile}");
            Assert.Equal(NormalizeEol(altered), NormalizeEol(File.ReadAllText(mismatchFile)));
            // The committed snapshot itself is untouched.
            Assert.Equal(committed, File.ReadAllText(SnapshotStore.SnapPath(Scenario)));
        }
        finally
        {
            if (File.Exists(mismatchFile)) File.Delete(mismatchFile);
            if (Directory.Exists(mismatchDir) && !Directory.EnumerateFileSystemEntries(mismatchDir).Any()) Directory.Delete(mismatchDir);
        }
        // The audit's matcher (no Snapshooter) reports the same mismatch, naming the line, and writes nothing.
        var report = CommittedSnapshots.Instance.Match(Scenario, altered);
        Assert.NotNull(report);
        Assert.Contains("PInitReX", report, StringComparison.Ordinal);
        Assert.False(File.Exists(mismatchFile));
        // And both accept the committed text itself (so the failures above are about the change).
        Assert.Null(CommittedSnapshots.Instance.Match(Scenario, committed));
    }

    [Fact]
    public void In_strict_mode_a_missing_snapshot_fails_and_is_not_written()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mw-strict-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var full = SnapshooterMatcher.FullName("no-such-scenario", folder);
        var path = SnapshotStore.SnapPath("no-such-scenario", folder);
        var before = Environment.GetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE");
        try
        {
            Environment.SetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE", "on");
            var e = Assert.ThrowsAny<Exception>(() => Snapshot.Match("some trace\n", full));
            Assert.Contains("Strict mode", e.Message, StringComparison.OrdinalIgnoreCase);
            Assert.False(File.Exists(path), "strict mode must not write the missing snapshot");
            // Contrast (so the check above is not vacuous): without strict mode the same call writes the snapshot and passes.
            Environment.SetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE", null);
            Snapshot.Match("some trace\n", full);
            Assert.True(File.Exists(path), "outside strict mode Snapshooter writes a missing snapshot");
        }
        finally
        {
            Environment.SetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE", before);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_catalog_refuses_a_missing_snapshot_even_outside_strict_mode()
    {
        Assert.StartsWith("no committed snapshot", CommittedSnapshots.Instance.Match("no-such-scenario", "x\n"));
    }

    [Fact]
    public void Every_scenario_is_a_trace_check_in_the_catalog()
    {
        var checks = CheckCatalog.All.Where(c => c.Id.StartsWith("TRACE-E", StringComparison.Ordinal)).ToList();
        Assert.Equal(CanonicalScenarios.All.Select(s => "TRACE-" + s.Name.ToUpperInvariant()).Order(StringComparer.Ordinal),
            checks.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.All(checks, c => Assert.Equal(CanonicalScenarios.All.Single(s => "TRACE-" + s.Name.ToUpperInvariant() == c.Id).Embodiment, Assert.Single(c.Meta.Exercised).ToString()));
    }

    [Fact]
    public void The_snapshot_folder_is_found_from_the_repository_root_and_from_the_output_directory()
    {
        var repoRoot = Path.GetFullPath(Path.Combine(SnapshotStore.SourceFolder, "..", ".."));
        var missing = Path.Combine(Path.GetTempPath(), "mw-moved-" + Guid.NewGuid().ToString("N"));
        // Source path unknown (binaries built elsewhere), audit started from the repository root or a subfolder.
        Assert.Equal(SnapshotStore.SourceFolder.TrimEnd('/'), SnapshotStore.Folder(missing, repoRoot, missing)?.TrimEnd('/'));
        Assert.Equal(SnapshotStore.SourceFolder.TrimEnd('/'), SnapshotStore.Folder(missing, Path.Combine(repoRoot, "audit"), missing)?.TrimEnd('/'));
        // Neither: the copy beside the assembly (the .csproj copies every .snap as content).
        var output = SnapshotStore.Folder(missing, Path.GetTempPath(), AppContext.BaseDirectory);
        Assert.Equal(AppContext.BaseDirectory, output);
        foreach (var s in CanonicalScenarios.All)
            Assert.Equal(File.ReadAllText(SnapshotStore.SnapPath(s.Name, SnapshotStore.SourceFolder)), File.ReadAllText(SnapshotStore.SnapPath(s.Name, output)));
    }

    [Fact]
    public void Every_committed_snapshot_belongs_to_a_scenario()
    {
        var names = Directory.GetFiles(Path.Combine(SnapshotStore.SourceFolder, SnapshotStore.FolderName), "*.snap").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(CanonicalScenarios.All.Select(s => s.Name).Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void Mermaid_escapes_special_characters()
    {
        Assert.Equal("a#58; b#59; c#35;d #lt;e#gt; #quot;f#quot; #123;g#125;#44; h", TraceMermaid.Escape("a: b; c#d <e> \"f\" {g}, h"));
        Assert.Equal("SSW_1", TraceMermaid.Id("SSW-1"));
    }

    private static string NormalizeEol(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal);
}
