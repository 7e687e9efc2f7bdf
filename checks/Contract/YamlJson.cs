using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MultiWallet.Checks.Contract;

/// <summary>
/// YAML to JSON as YAML 1.2's core schema reads it: a plain (unquoted) scalar <c>true</c>/<c>false</c> is a boolean,
/// <c>null</c>/<c>~</c>/empty is null, a plain integer is a number, anything else (and every quoted scalar) a string. The
/// wire contract is YAML for people and JSON Schema for validators, so the schemas are read exactly as written.
/// </summary>
internal static partial class YamlJson
{
    /// <summary>The single document of <paramref name="yaml"/> as a JSON node.</summary>
    public static JsonNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents.Single().RootNode) ?? throw new InvalidDataException("the document is empty");
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", Convert(kv.Value)))),
        YamlSequenceNode s => new JsonArray([.. s.Children.Select(Convert)]),
        YamlScalarNode v => Scalar(v),
        _ => throw new InvalidDataException($"unsupported YAML node at {node.Start}"),
    };

    private static JsonNode? Scalar(YamlScalarNode v)
    {
        var text = v.Value ?? "";
        if (v.Style != ScalarStyle.Plain) return JsonValue.Create(text);
        if (text is "" or "~" or "null") return null;
        if (text is "true" or "false") return JsonValue.Create(text == "true");
        if (Integer().IsMatch(text)) return JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture));
        return JsonValue.Create(text);
    }

    [GeneratedRegex("^-?(0|[1-9][0-9]*)$")]
    private static partial Regex Integer();
}
