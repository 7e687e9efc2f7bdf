using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using MultiWallet.Model.Vocabulary;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// The two JSON Schemas under scenarios/: the scenario format (for editors) validates every example file, and the
/// `check --json` output schema validates what `check` prints for every example and for a refused file.
/// </summary>
public sealed class ScenarioSchemaTests
{
    private static readonly Lazy<JsonSchema> ScenarioSchema = new(() => Load("scenario.schema.json"));
    private static readonly Lazy<JsonSchema> OutputSchema = new(() => Load("check-output.schema.json"));

    private static JsonSchema Load(string name) => JsonSchema.FromText(File.ReadAllText(Path.Combine(CheckCommandTests.ScenariosDir(), name)));

    private static readonly EvaluationOptions List = new() { OutputFormat = OutputFormat.List };

    /// <summary>The validation errors of <paramref name="doc"/>, one line each (empty when valid).</summary>
    private static string Errors(JsonSchema schema, JsonElement doc)
    {
        var r = schema.Evaluate(doc, List);
        return r.IsValid ? "" : string.Join("\n", (r.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Select(e => $"{e.Key} {e.Value}"))}"));
    }

    /// <summary>A YAML document as JSON, with plain scalars typed as YAML 1.2's core schema reads them (booleans, integers).</summary>
    private static JsonElement YamlToJson(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return JsonSerializer.SerializeToElement(Convert(stream.Documents[0].RootNode));
    }

    private static JsonNode? Convert(YamlNode n) => n switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Convert(kv.Value)))),
        YamlSequenceNode s => new JsonArray([.. s.Children.Select(Convert)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" } => JsonValue.Create(true),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "false" } => JsonValue.Create(false),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var v } when long.TryParse(v, out var i) => JsonValue.Create(i),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => throw new NotSupportedException(n.GetType().Name),
    };

    [Theory]
    [MemberData(nameof(CheckCommandTests.ScenarioFiles), MemberType = typeof(CheckCommandTests))]
    public void Every_example_file_is_valid_against_the_scenario_schema(string file)
    {
        var doc = YamlToJson(File.ReadAllText(Path.Combine(CheckCommandTests.ScenariosDir(), file)));
        Assert.Equal("", Errors(ScenarioSchema.Value, doc));
    }

    [Theory]
    [InlineData("embodiment: E3\nwallets: [{name: SW-1, colour: red}]\nsteps: [{wakeUp: {order: O, brand: BrandA}}]\n")]
    [InlineData("embodiment: E3\nwallets: [{name: SW-1}]\nsteps: [{wakeUp: {order: O, brand: BrandA, expect: {outcome: Payed}}}]\n")]
    [InlineData("embodiment: E13\nwallets: [{name: SW-1}]\nsteps: [heal]\n")]
    [InlineData("embodiment: E3\nwallets: [{name: SW-1}]\nsteps: [{fault: {kind: Drop, at: Nowhere}}]\n")]
    [InlineData("embodiment: E3\nwallets: [{name: SW-1}]\nsteps: [heal]\nattack: {position: N-MOON, steps: [{kind: Replay, at: AuthReq}]}\n")]
    [InlineData("embodiment: E3\nwallets: [{name: SW-1}]\nsteps: [heal]\nattack: {position: N-PC, steps: [{kind: Hammer, at: Wallet.Start}]}\n")]
    public void A_wrong_file_is_invalid_against_the_scenario_schema(string text) =>
        Assert.NotEqual("", Errors(ScenarioSchema.Value, YamlToJson(text)));

    /// <summary>The schema's value lists are the model's: a new reason, fault position or crash party must reach the schema.</summary>
    [Fact]
    public void The_schema_enumerates_the_model_vocabulary()
    {
        var s = JsonDocument.Parse(File.ReadAllText(Path.Combine(CheckCommandTests.ScenariosDir(), "scenario.schema.json"))).RootElement.GetProperty("$defs");
        static string[] Enum(JsonElement e) => [.. e.GetProperty("enum").EnumerateArray().Select(x => x.GetString()!)];
        Assert.Equal(["Paid", .. System.Enum.GetNames<Reason>()], Enum(s.GetProperty("expect").GetProperty("properties").GetProperty("outcome")));
        var steps = s.GetProperty("step").GetProperty("oneOf").EnumerateArray().ToList();
        JsonElement Field(string step, string field) => steps.Single(x => x.TryGetProperty("properties", out var p) && p.TryGetProperty(step, out _))
            .GetProperty("properties").GetProperty(step).GetProperty("properties").GetProperty(field);
        Assert.Equal(System.Enum.GetNames<FaultKind>(), Enum(Field("fault", "kind")));
        Assert.Equal(System.Enum.GetNames<FaultPosition>(), Enum(Field("fault", "at")));
        Assert.Equal(System.Enum.GetNames<CrashParty>(), Enum(Field("crash", "party")));
        Assert.Equal([.. Brand.Known.Select(b => b.Name)], Enum(s.GetProperty("brand")));
        Assert.Equal(System.Enum.GetNames<Checks.Attacks.AttackKind>(), Enum(s.GetProperty("attackStep").GetProperty("properties").GetProperty("kind")));
        var positions = JsonDocument.Parse(File.ReadAllText(Path.Combine(CheckCommandTests.ScenariosDir(), "scenario.schema.json"))).RootElement
            .GetProperty("properties").GetProperty("attack").GetProperty("properties").GetProperty("position");
        Assert.Equal([.. System.Enum.GetValues<Checks.Attacks.AttackPosition>().Select(Checks.Attacks.Positions.Id)], Enum(positions));
    }

    [Theory]
    [MemberData(nameof(CheckCommandTests.ScenarioFiles), MemberType = typeof(CheckCommandTests))]
    public void Check_json_output_is_valid_against_its_schema(string file)
    {
        var r = AuditTester.Run("check", Path.Combine(CheckCommandTests.ScenariosDir(), file), "--json");
        using var doc = JsonDocument.Parse(r.Output);
        Assert.Equal("", Errors(OutputSchema.Value, doc.RootElement));
        // Not vacuous: the run's own shape, with every wake-up's state and time present (an attacked run reports them once, at its end).
        if (doc.RootElement.TryGetProperty("attack", out var attack)) Assert.True(attack.TryGetProperty("tried", out _));
        else foreach (var w in doc.RootElement.GetProperty("wakeUps").EnumerateArray())
        {
            Assert.True(w.TryGetProperty("state", out _));
            Assert.True(w.TryGetProperty("time", out _));
        }
    }

    [Fact]
    public void A_refused_file_and_a_mangled_output_are_judged_by_the_output_schema()
    {
        var path = Path.Combine(Path.GetTempPath(), "mw-schema-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, "embodiment: E3\ncolour: red\n");
        try
        {
            using var error = JsonDocument.Parse(AuditTester.Run("check", path, "--json").Output);
            Assert.Equal("", Errors(OutputSchema.Value, error.RootElement));
        }
        finally { File.Delete(path); }
        using var ok = JsonDocument.Parse(AuditTester.Run("check", Path.Combine(CheckCommandTests.ScenariosDir(), "E1.yaml"), "--json").Output);
        var mangled = JsonNode.Parse(ok.RootElement.GetRawText())!;
        mangled["wakeUps"]![0]!["state"]!["orders"] = "none";
        Assert.NotEqual("", Errors(OutputSchema.Value, JsonSerializer.SerializeToElement(mangled)));
    }
}
