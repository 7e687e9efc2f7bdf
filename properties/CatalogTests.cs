using MultiWallet.Properties.Catalog;
using Xunit;
using Xunit.Abstractions;

namespace MultiWallet.Properties;

/// <summary>Runs every catalog check of this assembly as one xunit test case, named by its id.</summary>
public sealed class CatalogTests(ITestOutputHelper output)
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var e in CheckCatalog.Properties) data.Add(e.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Check(string id) => CatalogAssert.Passes(CheckCatalog.Properties, id, output.WriteLine);
}
