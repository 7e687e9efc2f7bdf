namespace MultiWallet.Checks.Contract;

/// <summary>The committed docs/protocol/openapi.yaml, embedded in the catalog so every runner reads the same text.</summary>
internal static class ContractDocument
{
    /// <summary>The resource name the project gives the document.</summary>
    public const string ResourceName = "MultiWallet.Checks.Contract.openapi.yaml";

    /// <summary>The document's text.</summary>
    public static string Text => LazyText.Value;

    private static readonly Lazy<string> LazyText = new(() =>
    {
        using var s = typeof(ContractDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in the catalog");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    });
}
