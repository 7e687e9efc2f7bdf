using MultiWallet.Checks.Catalog;
using Xunit;
using Xunit.Abstractions;

namespace MultiWallet.Tests;

/// <summary>
/// Runs the catalog's trace checks, each against its committed snapshot through Snapshooter. In the snapshot
/// collection, so no two tests touch snapshot files or SNAPSHOOTER_STRICT_MODE at once.
/// </summary>
[Collection(SnapshotCollection.Name)]
public sealed class TraceCatalogTests(ITestOutputHelper output)
{
    /// <summary>The ids of every trace check.</summary>
    public static TheoryData<string> Ids() => CatalogIds.Where(k => k == CheckKind.Trace);

    /// <summary>Runs one trace check.</summary>
    [Theory]
    [MemberData(nameof(Ids))]
    public void Check(string id) => CatalogAssert.Passes(CheckCatalog.All, id, output.WriteLine);
}
