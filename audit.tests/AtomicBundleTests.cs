using MultiWallet.Audit.Bundle;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>A bundle is written beside its target and renamed into place complete: an interrupted write leaves the previous bundle intact.</summary>
[Collection(EvidenceCollection.Name)]
public sealed class AtomicBundleTests : IDisposable
{
    private readonly string parent = Path.Combine(Path.GetTempPath(), "mw-atomic-" + Guid.NewGuid().ToString("N"));

    private string Target => Path.Combine(parent, "evidence");

    public AtomicBundleTests()
    {
        Directory.CreateDirectory(Target);
        File.WriteAllText(Path.Combine(Target, "evidence.json"), "old");
    }

    public void Dispose() => Directory.Delete(parent, recursive: true);

    [Fact]
    public void An_interrupted_write_leaves_the_previous_bundle_and_no_half_new_one()
    {
        Assert.Throws<OperationCanceledException>(() => AtomicBundleDirectory.Write(Target, dir =>
        {
            File.WriteAllText(Path.Combine(dir, "evidence.json"), "new");
            throw new OperationCanceledException("Ctrl+C while writing the report");
        }));
        Assert.Equal("old", File.ReadAllText(Path.Combine(Target, "evidence.json")));
        Assert.Equal(["evidence"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName));
    }

    [Fact]
    public void A_complete_write_replaces_the_whole_bundle()
    {
        File.WriteAllText(Path.Combine(Target, "stale.txt"), "from an older run");
        AtomicBundleDirectory.Write(Target, dir => File.WriteAllText(Path.Combine(dir, "evidence.json"), "new"));
        Assert.Equal("new", File.ReadAllText(Path.Combine(Target, "evidence.json")));
        Assert.False(File.Exists(Path.Combine(Target, "stale.txt")));
        Assert.Equal(["evidence"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName));
    }

    [Fact]
    public void A_killed_run_is_cleaned_up_by_the_next_and_a_bundle_it_had_moved_aside_comes_back()
    {
        const int Gone = 999_999_999; // no such process
        var half = Path.Combine(parent, $".evidence.partial-{Gone}-x");
        Directory.CreateDirectory(half);
        // Killed between its two renames: the old bundle moved aside, the target absent.
        Directory.Move(Target, Path.Combine(parent, $".evidence.previous-{Gone}-y"));
        AtomicBundleDirectory.Write(Path.Combine(parent, "other"), dir => File.WriteAllText(Path.Combine(dir, "evidence.json"), "x"));
        Assert.True(Directory.Exists(half)); // only leftovers of the same target are touched
        var wrote = false;
        AtomicBundleDirectory.Write(Target, dir =>
        {
            // By now the previous bundle is back in place and the half-written folder gone.
            wrote = File.ReadAllText(Path.Combine(Target, "evidence.json")) == "old" && !Directory.Exists(half);
            File.WriteAllText(Path.Combine(dir, "evidence.json"), "new");
        });
        Assert.True(wrote);
        Assert.Equal(["evidence", "other"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Verify_refuses_to_replace_a_directory_that_is_not_a_bundle()
    {
        var mine = Path.Combine(parent, "my-notes");
        Directory.CreateDirectory(mine);
        File.WriteAllText(Path.Combine(mine, "todo.txt"), "keep me");
        var run = AuditTester.Run("verify", "--cases", "3", "--only", "CATALOG-WELLFORMED", "--out", mine);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not an evidence bundle", run.Output);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(mine, "todo.txt")));
    }
}
