namespace MultiWallet.Checks.Catalog;

internal static class SmokeChecks
{
    [Check("CATALOG-WELLFORMED", Title = "every catalog entry cites requirement ids and has a unique id", Requirements = ["INV-CONFORM"], Kind = CheckKind.Model)]
    public static CheckOutcome CatalogWellFormed(CheckContext ctx)
    {
        var all = CheckCatalog.All;
        return all.All(e => e.Meta.Requirements.All(r => r.StartsWith('E') || r.StartsWith('C') || r.StartsWith("INV-")))
            ? CheckOutcome.Pass($"{all.Count} checks")
            : CheckOutcome.Fail("a requirement id is not of the form E*, C* or INV-*");
    }
}
