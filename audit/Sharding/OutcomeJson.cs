using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Sharding;

/// <summary>
/// JSON for a shard's manifest, whose checks carry their whole <see cref="CheckOutcome"/>: the typed evidence
/// (<see cref="IEvidence"/>) is written with a "$type" property naming its record, found among the catalog
/// assemblies' <see cref="IEvidence"/> types, so a merge reads back the same records the shard's checks returned
/// (<see cref="EvidenceJsonConverter"/>).
/// </summary>
public static class OutcomeJson
{
    /// <summary>The options for <paramref name="assemblies"/>' evidence types.</summary>
    public static JsonSerializerOptions Options(IEnumerable<Assembly> assemblies)
    {
        var types = assemblies.Append(typeof(IEvidence).Assembly).Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEvidence).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        return new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            Converters = { new JsonStringEnumConverter(), new EvidenceJsonConverter(types.ToDictionary(t => t.FullName!, StringComparer.Ordinal)) },
        };
    }
}
