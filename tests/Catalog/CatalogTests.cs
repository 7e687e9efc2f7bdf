using MultiWallet.Checks.Catalog;
using Xunit.Abstractions;

namespace MultiWallet.Tests.Catalog;

/// <summary>Runs every catalog check but the trace checks as one xunit test case, named by its id.</summary>
public sealed class CatalogTests(ITestOutputHelper output)
{
    /// <summary>Runs one check with the test budget.</summary>
    [CatalogChecks(Traces = false)]
    public void Check(string id) => CatalogAssert.Passes(CheckCatalog.All, id, output.WriteLine);
}
