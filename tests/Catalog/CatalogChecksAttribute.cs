using MultiWallet.Checks.Catalog;
using Xunit;
using Xunit.Sdk;

namespace MultiWallet.Tests.Catalog;

/// <summary>
/// Turns a method <c>void Check(string id)</c> into one xunit test case per catalog check, each carrying the
/// check's requirement ids, embodiments and kind as traits, so that
/// <c>dotnet test --filter Requirement=INV-CUSTODY</c> runs every check that cites INV-CUSTODY
/// (also <c>Embodiment=E8</c>, <c>Kind=Property</c>).
/// </summary>
[XunitTestCaseDiscoverer("MultiWallet.Tests.Catalog.CatalogCheckDiscoverer", "MultiWallet.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CatalogChecksAttribute : FactAttribute
{
    /// <summary>True: only trace checks; false: every check but the trace checks.</summary>
    public bool Traces { get; set; }

    /// <summary>Whether <paramref name="kind"/> belongs to the cases of an attribute with <paramref name="traces"/>.</summary>
    public static bool Selects(bool traces, CheckKind kind) => traces == (kind == CheckKind.Trace);
}
