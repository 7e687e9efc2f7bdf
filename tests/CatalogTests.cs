using MultiWallet.Checks.Catalog;
using Xunit;
using Xunit.Abstractions;

namespace MultiWallet.Tests;

/// <summary>Runs every catalog check but the trace checks as one xunit test case, named by its id.</summary>
public sealed class CatalogTests(ITestOutputHelper output)
{
    /// <summary>The ids of every check that is not a trace check.</summary>
    public static TheoryData<string> Ids() => CatalogIds.Where(k => k != CheckKind.Trace);

    /// <summary>Runs one check with the test budget.</summary>
    [Theory]
    [MemberData(nameof(Ids))]
    public void Check(string id) => CatalogAssert.Passes(CheckCatalog.All, id, output.WriteLine);
}

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

/// <summary>Catalog ids as xunit theory data.</summary>
internal static class CatalogIds
{
    public static TheoryData<string> Where(Func<CheckKind, bool> kind)
    {
        var data = new TheoryData<string>();
        foreach (var e in CheckCatalog.All.Where(e => kind(e.Meta.Kind))) data.Add(e.Id);
        return data;
    }
}
