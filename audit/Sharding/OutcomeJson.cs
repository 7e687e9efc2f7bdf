using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Sharding;

/// <summary>
/// JSON for a shard's manifest, whose checks carry their whole <see cref="CheckOutcome"/>: the typed evidence
/// (<see cref="IEvidence"/>) is written with a "$type" discriminator naming its record, found among the catalog
/// assemblies' <see cref="IEvidence"/> types, so a merge reads back the same records the shard's checks returned.
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
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            if (info.Type != typeof(IEvidence)) return;
            info.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "$type" };
            foreach (var t in types) info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(t, t.FullName!));
        });
        return new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            TypeInfoResolver = resolver,
            Converters = { new JsonStringEnumConverter() },
        };
    }
}
