namespace MultiWallet.Checks.Catalog;

/// <summary>
/// Compares a rendered trace with its committed snapshot. The catalog's own matcher reads the committed file and
/// never writes one; the test project plugs in Snapshooter (which also writes a <c>__mismatch__</c> copy to review).
/// </summary>
public interface ISnapshotMatcher
{
    /// <summary>Null when <paramref name="text"/> equals the committed snapshot of <paramref name="scenario"/>, else why not.</summary>
    string? Match(string scenario, string text);
}
