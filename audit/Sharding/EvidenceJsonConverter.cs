using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MultiWallet.Audit.Scenarios;
using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Sharding;

/// <summary>
/// Writes typed evidence (<see cref="IEvidence"/>) as an object whose first property "$type" names its record, and reads
/// it back to the same record. A <see cref="CounterexampleScenario"/> is written as its scenario file text
/// (<see cref="ScenarioWriter"/>) and read back with <see cref="ScenarioFile"/>: its topology holds the model's abstract
/// vocabulary (knowledge, steps), which has one faithful text form already, the one `check` and `verify --replay` read.
/// </summary>
/// <param name="types">The evidence records by full name.</param>
public sealed class EvidenceJsonConverter(IReadOnlyDictionary<string, Type> types) : JsonConverter<IEvidence>
{
    private const string TypeProperty = "$type";

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IEvidence value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(TypeProperty, value.GetType().FullName);
        if (value is CounterexampleScenario c)
        {
            writer.WriteString("checkId", c.CheckId);
            writer.WriteString("violation", c.Violation);
            writer.WriteString("scenario", ScenarioWriter.Write(c.Topology, c.Script, c.Steps, seededFault: c.SeededFault, attack: c.Attack));
        }
        else
        {
            foreach (var p in JsonSerializer.SerializeToElement(value, value.GetType(), options).EnumerateObject()) p.WriteTo(writer);
        }
        writer.WriteEndObject();
    }

    /// <inheritdoc/>
    public override IEvidence Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader) as JsonObject ?? throw new JsonException("evidence: expected an object");
        var name = node[TypeProperty]?.GetValue<string>() ?? throw new JsonException($"evidence: no {TypeProperty}");
        if (!types.TryGetValue(name, out var type)) throw new JsonException($"evidence: unknown type {name}");
        if (type == typeof(CounterexampleScenario)) return Counterexample(node);
        node.Remove(TypeProperty);
        return (IEvidence)(node.Deserialize(type, options) ?? throw new JsonException($"evidence: {name} is null"));
    }

    private static CounterexampleScenario Counterexample(JsonObject node)
    {
        string Field(string key) => node[key]?.GetValue<string>() ?? throw new JsonException($"counterexample: no {key}");
        var checkId = Field("checkId");
        ScenarioDocument d;
        try { d = ScenarioFile.Parse(Field("scenario"), $"counterexample of {checkId}"); }
        catch (ScenarioException e) { throw new JsonException(e.Message, e); }
        return new CounterexampleScenario(checkId, d.Topology.Embodiment, d.Topology, d.User, d.Steps, d.SeededFault, Field("violation")) { Attack = d.Attack };
    }
}
