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
