using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace MultiWallet.Checks.Contract;

/// <summary>
/// What a served OpenAPI validator (Microsoft.OpenApi 3.x, reading 3.1 YAML) says about the wire contract: every error
/// and warning of reading it and of its default validation rules, and the schemas of every kind (compiled with
/// JsonSchema.Net, so a schema a validator cannot build is found here and not in the middle of a campaign).
/// </summary>
internal static class OpenApiValidity
{
    /// <summary>The document's problems (empty when it is a valid 3.1 document whose schemas all compile), and what it holds.</summary>
    public static (IReadOnlyList<string> Problems, OpenApiDocument? Document) Of(string yaml, WireContract contract)
    {
        var problems = new List<string>();
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var read = OpenApiDocument.Parse(yaml, "yaml", settings);
        if (read.Diagnostic is { } d)
        {
            problems.AddRange(d.Errors.Select(e => $"error: {e}"));
            problems.AddRange(d.Warnings.Select(w => $"warning: {w}"));
            if (d.SpecificationVersion != OpenApiSpecVersion.OpenApi3_1) problems.Add($"read as {d.SpecificationVersion}, not OpenAPI 3.1");
        }
        if (read.Document is { } doc)
            problems.AddRange(doc.Validate(ValidationRuleSet.GetDefaultRuleSet())?.Select(e => $"rule: {e}") ?? []);
        else problems.Add("the document did not load");
        foreach (var kind in contract.Kinds)
            foreach (var part in new[] { "body", "fields" })
            {
                try { contract.SchemaAt($"/x-mw-kinds/{kind}/{part}"); }
                catch (Exception e) when (e is not OutOfMemoryException) { problems.Add($"x-mw-kinds/{kind}/{part} does not compile: {e.Message}"); }
            }
        return (problems, read.Document);
    }
}
