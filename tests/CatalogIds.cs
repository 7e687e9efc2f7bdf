using MultiWallet.Checks.Catalog;
using Xunit;

namespace MultiWallet.Tests;

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
