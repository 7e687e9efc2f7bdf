using MultiWallet.Checks.Catalog;

namespace MultiWallet.Checks.Traces.TraceRendering;

/// <summary>
/// The catalog's snapshot matcher: the committed file, line endings normalised, must equal the trace. A missing
/// file is a failure (a catalog run never writes a snapshot), and a mismatch names the first line that differs.
/// </summary>
public sealed class CommittedSnapshots : ISnapshotMatcher
{
    /// <summary>The one instance (the matcher holds no state).</summary>
    public static readonly CommittedSnapshots Instance = new();

    /// <inheritdoc />
    public string? Match(string scenario, string text)
    {
        var path = SnapshotStore.SnapPath(scenario);
        if (!File.Exists(path)) return $"no committed snapshot {path}";
        var expected = Normalize(File.ReadAllText(path)).Split('\n');
        var actual = Normalize(text).Split('\n');
        for (var i = 0; i < Math.Max(expected.Length, actual.Length); i++)
        {
            var e = i < expected.Length ? expected[i] : "(end of snapshot)";
            var a = i < actual.Length ? actual[i] : "(end of trace)";
            if (e != a) return $"trace differs from {path} at line {i + 1}:\n  snapshot: {e}\n  trace:    {a}\n(see checks/Traces/README.md to review and accept a changed trace)";
        }
        return null;
    }

    private static string Normalize(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal);
}
