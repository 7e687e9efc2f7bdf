using MultiWallet.Properties.Catalog;
using MultiWallet.Traces.Scenarios;
using MultiWallet.Traces.TraceRendering;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit;
using Xunit.Abstractions;

namespace MultiWallet.Traces;

/// <summary>
/// One test per canonical scenario: (a) the hand-written expected outcomes hold, (b) the trace text matches the
/// committed snapshot <c>traces/__snapshots__/&lt;scenario&gt;.snap</c>. The class also proves the two guarantees
/// snapshot testing rests on: a changed trace fails, and in strict mode a missing snapshot fails. Every test that
/// touches Snapshooter or SNAPSHOOTER_STRICT_MODE is in one collection, so xunit runs them one after another (a
/// successful match of a snapshot deletes its __mismatch__ file, and the strict-mode test changes the environment).
/// </summary>
[Collection(SnapshotCollection.Name)]
public sealed class TraceSnapshotTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var s in CanonicalScenarios.All) data.Add(s.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario(string name)
    {
        var v = TraceVerification.Run(name);
        output.WriteLine(v.Text);
        Assert.True(v.Problems.Count == 0, $"{name}: outcomes differ from the hand-written expectations:\n{string.Join("\n", v.Problems)}");
        Snapshot.Match(v.Text, SnapshotStore.FullName(name, SnapshotStore.SourceFolder));
    }

    [Fact]
    public void A_changed_trace_fails_the_match_and_leaves_a_mismatch_file()
    {
        const string name = "E7-patent-example";
        var full = SnapshotStore.FullName(name, SnapshotStore.SourceFolder);
        var committed = File.ReadAllText(SnapshotStore.SnapPath(full));
        var altered = committed.Replace("PInitReq", "PInitReX", StringComparison.Ordinal);
        Assert.NotEqual(committed, altered);
        var mismatchFile = SnapshotStore.MismatchPath(full);
        var mismatchDir = Path.GetDirectoryName(mismatchFile)!;
        try
        {
            Assert.ThrowsAny<Exception>(() => Snapshot.Match(altered, full));
            Assert.True(File.Exists(mismatchFile), $"expected Snapshooter to write {mismatchFile}");
            Assert.Equal(NormalizeEol(altered), NormalizeEol(File.ReadAllText(mismatchFile)));
            // The committed snapshot itself is untouched.
            Assert.Equal(committed, File.ReadAllText(SnapshotStore.SnapPath(full)));
        }
        finally
        {
            if (File.Exists(mismatchFile)) File.Delete(mismatchFile);
            if (Directory.Exists(mismatchDir) && !Directory.EnumerateFileSystemEntries(mismatchDir).Any()) Directory.Delete(mismatchDir);
        }
        // And the catalog path (no xunit naming involved) reports the same mismatch.
        Assert.NotNull(TraceVerification.MatchCommitted(name, altered));
        if (File.Exists(mismatchFile)) File.Delete(mismatchFile);
        if (Directory.Exists(mismatchDir) && !Directory.EnumerateFileSystemEntries(mismatchDir).Any()) Directory.Delete(mismatchDir);
    }

    [Fact]
    public void In_strict_mode_a_missing_snapshot_fails_and_is_not_written()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mw-strict-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var full = new SnapshotFullName("no-such-scenario.snap", folder);
        var before = Environment.GetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE");
        try
        {
            Environment.SetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE", "on");
            var e = Assert.ThrowsAny<Exception>(() => Snapshot.Match("some trace\n", full));
            Assert.Contains("Strict mode", e.Message, StringComparison.OrdinalIgnoreCase);
            Assert.False(File.Exists(SnapshotStore.SnapPath(full)), "strict mode must not write the missing snapshot");
            // Contrast (so the check above is not vacuous): without strict mode the same call writes the snapshot and passes.
            Environment.SetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE", null);
            Snapshot.Match("some trace\n", full);
            Assert.True(File.Exists(SnapshotStore.SnapPath(full)), "outside strict mode Snapshooter writes a missing snapshot");
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
        Assert.StartsWith("no committed snapshot", TraceVerification.MatchCommitted("no-such-scenario", "x\n"));
    }

    [Fact]
    public void Every_scenario_is_a_trace_check_in_the_catalog()
    {
        // Every check of this assembly is one scenario's, but for the one that runs them all over HTTP.
        var checks = CheckCatalog.Discover(typeof(TraceSnapshotTests).Assembly).Where(c => c.Id != "TRACE-HTTP-EQUALS-INMEMORY").ToList();
        Assert.All(checks, c => Assert.Equal("trace", c.Meta.Kind));
        Assert.Equal(CanonicalScenarios.All.Select(s => "TRACE-" + s.Name.ToUpperInvariant()).Order(StringComparer.Ordinal),
            checks.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.All(checks, c => Assert.Equal(CanonicalScenarios.All.Single(s => "TRACE-" + s.Name.ToUpperInvariant() == c.Id).Embodiment, Assert.Single(c.Meta.Embodiments)));
    }

    [Fact]
    public void The_snapshot_folder_is_found_from_the_repository_root_and_from_the_output_directory()
    {
        var repoRoot = Path.GetFullPath(Path.Combine(SnapshotStore.SourceFolder, ".."));
        var missing = Path.Combine(Path.GetTempPath(), "mw-moved-" + Guid.NewGuid().ToString("N"));
        // Source path unknown (binaries built elsewhere), audit started from the repository root or a subfolder.
        Assert.Equal(SnapshotStore.SourceFolder.TrimEnd('/'), SnapshotStore.Folder(missing, repoRoot, missing)?.TrimEnd('/'));
        Assert.Equal(SnapshotStore.SourceFolder.TrimEnd('/'), SnapshotStore.Folder(missing, Path.Combine(repoRoot, "audit"), missing)?.TrimEnd('/'));
        // Neither: the copy beside the assembly (the .csproj copies every .snap as content).
        var output = SnapshotStore.Folder(missing, Path.GetTempPath(), AppContext.BaseDirectory);
        Assert.Equal(AppContext.BaseDirectory, output);
        foreach (var s in CanonicalScenarios.All)
            Assert.Equal(File.ReadAllText(SnapshotStore.SnapPath(SnapshotStore.FullName(s.Name, SnapshotStore.SourceFolder))),
                File.ReadAllText(SnapshotStore.SnapPath(SnapshotStore.FullName(s.Name, output))));
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

    private static string NormalizeEol(string s) => s.Replace("\r\n", "\n");
}

/// <summary>Runs the trace catalog through xunit as well (the same checks the audit command runs).</summary>
[Collection(SnapshotCollection.Name)]
public sealed class TraceCatalogTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<CheckEntry> Catalog = CheckCatalog.Discover(typeof(TraceCatalogTests).Assembly);

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var e in Catalog) data.Add(e.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Check(string id) => CatalogAssert.Passes(Catalog, id, output.WriteLine);
}

/// <summary>The xunit collection that serialises every test touching snapshot files or SNAPSHOOTER_STRICT_MODE.</summary>
[CollectionDefinition(Name)]
public sealed class SnapshotCollection
{
    public const string Name = "trace snapshots";
}
