using MultiWallet.Checks.Catalog;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MultiWallet.Tests.Catalog;

/// <summary>Finds the catalog checks a <see cref="CatalogChecksAttribute"/> method runs: one test case each.</summary>
public sealed class CatalogCheckDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc/>
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var traces = factAttribute.GetNamedArgument<bool>(nameof(CatalogChecksAttribute.Traces));
        return CheckCatalog.All.Where(e => CatalogChecksAttribute.Selects(traces, e.Meta.Kind)).Select(e => (IXunitTestCase)new CatalogCheckTestCase(
            diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, e.Id));
    }
}
