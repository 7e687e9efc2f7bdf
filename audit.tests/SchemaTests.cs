using System.Text.Json;
using System.Xml;
using Json.Schema;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// A real `verify` output against the vendored schemas (schemas/README.md): attestation.cdx.json and sbom.cdx.json against
/// CycloneDX 1.6 (JsonSchema.Net), junit.xml against Jenkins' junit-10.xsd (System.Xml.Schema).
/// </summary>
[Collection(EvidenceCollection.Name)]
public sealed class SchemaTests : IClassFixture<SchemaTests.Fixture>
{
    /// <summary>One small real run, a failing check included so junit's failure elements are validated too.</summary>
    public sealed class Fixture : IDisposable
    {
        internal VerifyRun Run { get; } = new("--cases", "3", "--only", "CATALOG-WELLFORMED,FOUNDATION-PURCHASE,AUDIT-SAMPLE-PROPERTY,AUDIT-SAMPLE-FAILS");

        public void Dispose() => Run.Dispose();
    }

    private static readonly string Schemas = Path.Combine(AppContext.BaseDirectory, "schemas");
    private readonly Fixture fixture;

    public SchemaTests(Fixture fixture)
    {
        this.fixture = fixture;
        Assert.Equal(1, fixture.Run.Result.ExitCode);
    }

    private static readonly Lazy<JsonSchema> CycloneDx = new(() =>
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        // The bom schema's $refs name the package's file names; register each referenced schema under that URI too.
        foreach (var (file, official) in new[] { ("spdx.SNAPSHOT.schema.json", "spdx.schema.json"), ("jsf-0.82.SNAPSHOT.schema.json", "jsf-0.82.schema.json") })
        {
            var schema = JsonSchema.FromFile(Path.Combine(Schemas, file), options);
            options.SchemaRegistry.Register(new Uri($"http://cyclonedx.org/schema/{file}"), schema);
            Assert.Equal(new Uri($"http://cyclonedx.org/schema/{official}"), schema.BaseUri);
        }
        return JsonSchema.FromFile(Path.Combine(Schemas, "bom-1.6.SNAPSHOT.schema.json"), options);
    });

    private static IReadOnlyList<string> CycloneDxErrors(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var result = CycloneDx.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid ? [] : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))];
    }

    [Theory]
    [InlineData("attestation.cdx.json")]
    [InlineData("sbom.cdx.json")]
    public void The_cyclonedx_files_are_valid_cyclonedx_1_6(string file)
    {
        var errors = CycloneDxErrors(fixture.Run.File(file));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public void The_cyclonedx_schema_rejects_what_1_6_does_not_allow()
    {
        // Guards the guard: a schema that failed to load its references, or accepted anything, would pass every file.
        var bad = Path.Combine(Path.GetTempPath(), "mw-bad-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(bad, File.ReadAllText(fixture.Run.File("sbom.cdx.json")).Replace("\"library\"", "\"no-such-type\""));
        try { Assert.NotEmpty(CycloneDxErrors(bad)); }
        finally { File.Delete(bad); }
    }

    private static List<string> JUnitErrors(string path)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema };
        settings.Schemas.Add(null, Path.Combine(Schemas, "junit-10.xsd"));
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using (var reader = XmlReader.Create(path, settings)) while (reader.Read()) { }
        return errors;
    }

    [Fact]
    public void Junit_xml_is_valid_against_jenkins_junit_10_xsd()
    {
        var errors = JUnitErrors(fixture.Run.File("junit.xml"));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public void The_xsd_rejects_properties_inside_a_testcase()
    {
        var bad = Path.Combine(Path.GetTempPath(), "mw-bad-" + Guid.NewGuid().ToString("N") + ".xml");
        File.WriteAllText(bad, """<testsuites><testsuite name="s" tests="1" failures="0" errors="0"><testcase name="t"><properties><property name="a" value="b"/></properties></testcase></testsuite></testsuites>""");
        try { Assert.NotEmpty(JUnitErrors(bad)); }
        finally { File.Delete(bad); }
    }
}
