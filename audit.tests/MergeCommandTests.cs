using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>`merge` in-process: what it refuses before reading any shard, and `verify --shard` values it refuses.</summary>
public sealed class MergeCommandTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "mw-merge-" + Guid.NewGuid().ToString("N"));

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, true);
    }

    [Fact]
    public void Merge_without_shards_or_of_a_missing_directory_is_a_usage_error_naming_it()
    {
        Assert.Equal(2, AuditTester.Run("merge", Path.Combine(root, "out")).ExitCode);
        var missing = AuditTester.Run("merge", Path.Combine(root, "out"), Path.Combine(root, "no-such-shard"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no-such-shard", missing.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "out")), "a refused merge writes nothing");
    }

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("two")]
    public void Verify_refuses_a_shard_outside_1_to_N(string shard)
    {
        var r = AuditTester.Run("verify", "--cases", "2", "--only", "CATALOG-WELLFORMED", "--shard", shard, "--out", Path.Combine(root, "ev"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--shard", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_refuses_a_shard_with_replay()
    {
        var r = AuditTester.Run("verify", "--shard", "1/2", "--replay", "x.yaml", "--out", Path.Combine(root, "ev"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--replay", r.Output, StringComparison.Ordinal);
    }
}
