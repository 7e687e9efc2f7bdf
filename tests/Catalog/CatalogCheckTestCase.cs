using System.ComponentModel;
using MultiWallet.Checks.Catalog;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MultiWallet.Tests.Catalog;

/// <summary>One catalog check as an xunit test case: named by its id, with Requirement, Embodiment and Kind traits.</summary>
public sealed class CatalogCheckTestCase : XunitTestCase
{
    /// <summary>For xunit's deserialization only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public CatalogCheckTestCase() { }

    /// <summary>The test case of check <paramref name="id"/>; the method receives the id as its argument.</summary>
    public CatalogCheckTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod, string id)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod, [id]) { }

    /// <inheritdoc/>
    protected override void Initialize()
    {
        base.Initialize();
        var id = (string)TestMethodArguments[0];
        var entry = CheckCatalog.All.SingleOrDefault(e => e.Id == id);
        DisplayName = id;
        if (entry is null) return;
        Traits["Requirement"] = [.. entry.Meta.Requirements.Distinct()];
        Traits["Embodiment"] = [.. entry.Meta.Exercised.Select(e => e.ToString())];
        Traits["Kind"] = [entry.Meta.Kind.ToString()];
    }
}
