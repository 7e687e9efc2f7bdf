using MultiWallet.Checks.Catalog;
using Xunit;
using Xunit.Abstractions;

namespace MultiWallet.Tests.Catalog;

/// <summary>
/// Runs the catalog's trace checks, each against its committed snapshot through Snapshooter. In the snapshot
/// collection, so no two tests touch snapshot files or SNAPSHOOTER_STRICT_MODE at once.
/// </summary>
[Collection(SnapshotCollection.Name)]
public sealed class TraceCatalogTests(ITestOutputHelper output)
{
    /// <summary>Runs one trace check.</summary>
    [CatalogChecks(Traces = true)]
    public void Check(string id) => CatalogAssert.Passes(CheckCatalog.All, id, output.WriteLine);
}
