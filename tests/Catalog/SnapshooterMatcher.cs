using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Traces.TraceRendering;
using Snapshooter;
using Snapshooter.Xunit;

namespace MultiWallet.Tests.Catalog;

/// <summary>
/// The trace checks' snapshot comparison under xunit: Snapshooter's match against the committed file, so a changed
/// trace leaves a <c>__mismatch__</c> copy to review, and a new scenario's snapshot is written outside strict mode
/// (CI turns strict mode on, where a missing snapshot fails).
/// </summary>
public sealed class SnapshooterMatcher : ISnapshotMatcher
{
    /// <summary>The one instance (the matcher holds no state).</summary>
    public static readonly SnapshooterMatcher Instance = new();

    /// <summary>The Snapshooter name of a scenario's committed snapshot.</summary>
    public static SnapshotFullName FullName(string scenario, string? folder = null) =>
        new(SnapshotStore.FileName(scenario), folder ?? SnapshotStore.Folder() ?? SnapshotStore.SourceFolder);

    /// <inheritdoc />
    public string? Match(string scenario, string text)
    {
        try
        {
            Snapshot.Match(text, FullName(scenario));
            return null;
        }
        catch (Exception e)
        {
            return $"trace differs from {SnapshotStore.SnapPath(scenario)} (a __mismatch__ copy was written beside it; see checks/Traces/README.md):\n{e.Message}";
        }
    }
}
