using System.Text.Json;

namespace MultiWallet.Checks.Contract;

/// <summary>
/// The contract's canonical JSON, re-implemented from its text (docs/protocol/openapi.yaml, "Canonical JSON") rather
/// than borrowed from impl/Codec: keys sorted ordinal, no whitespace, default string escaping, integers as written.
/// A body is canonical when re-encoding what it parses to gives the same bytes.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>The canonical bytes of <paramref name="value"/>.</summary>
    public static byte[] Encode(JsonElement value)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms)) Write(w, value);
        return ms.ToArray();
    }

    /// <summary>Null when <paramref name="bytes"/> are canonical, else why not.</summary>
    public static string? Defect(byte[] bytes, JsonElement parsed)
    {
        var again = Encode(parsed);
        if (again.AsSpan().SequenceEqual(bytes)) return null;
        var at = 0;
        while (at < again.Length && at < bytes.Length && again[at] == bytes[at]) at++;
        return $"not canonical JSON (first difference at byte {at})";
    }

    private static void Write(Utf8JsonWriter w, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var p in e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    w.WritePropertyName(p.Name);
                    Write(w, p.Value);
                }
                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var x in e.EnumerateArray()) Write(w, x);
                w.WriteEndArray();
                break;
            case JsonValueKind.String:
                w.WriteStringValue(e.GetString());
                break;
            case JsonValueKind.Number when e.TryGetInt64(out var n):
                w.WriteNumberValue(n);
                break;
            default:
                // Fractions, exponents, booleans and null are not canonical values: written raw, so the bytes still compare.
                w.WriteRawValue(e.GetRawText(), skipInputValidation: true);
                break;
        }
    }
}
