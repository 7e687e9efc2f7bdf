using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MultiWallet.Impl.Network;

namespace MultiWallet.Checks.Attacks;

/// <summary>
/// What an attacker can do to a message it can decode: the canonical encoding (docs/DECISIONS.md) is JSON whose byte
/// fields are base64, and a byte field that is itself canonical JSON (a signed part, a nested message) is decoded
/// too. An edit re-encodes every level it passed through, so the result is again canonical; signatures and
/// envelopes over the changed part are what must catch it.
/// </summary>
public static class CanonEdit
{
    /// <summary>The fields a substitution changes, by <see cref="AttackEvent.Param"/>.</summary>
    public static readonly string[] Fields = ["brand", "amount", "lid-m", "merchant"];

    /// <summary>The field a substitution with <paramref name="param"/> changes.</summary>
    public static string Field(int param) => Fields[Math.Abs(param) % Fields.Length];

    /// <summary>The decoded JSON object of canonical bytes, or null.</summary>
    public static JsonObject? Object(byte[] bytes)
    {
        if (bytes.Length < 2 || bytes[0] != (byte)'{') return null;
        try { return JsonNode.Parse(bytes) as JsonObject; }
        catch (JsonException) { return null; }
    }

    /// <summary>The bytes a base64 string stands for, or null.</summary>
    public static byte[]? Base64(string s)
    {
        if (s.Length < 4 || s.Length % 4 != 0) return null;
        var buffer = new byte[s.Length];
        return Convert.TryFromBase64String(s, buffer, out var n) ? buffer[..n] : null;
    }

    /// <summary>Canonical bytes of a (possibly edited) object.</summary>
    private static byte[] Encode(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    /// <summary>
    /// The message with the first <see cref="Field"/>(<paramref name="param"/>) found (depth first, nested parts included)
    /// changed to another plausible value; null when the attacker cannot find that field in what it can decode.
    /// </summary>
    public static byte[]? Substitute(byte[] body, int param)
    {
        var field = Field(param);
        var root = Object(body);
        return root is not null && Edit(root, field) ? Encode(root) : null;
    }

    private static bool Edit(JsonObject o, string field)
    {
        if (o[field] is JsonValue v)
        {
            o[field] = field switch
            {
                "amount" => JsonValue.Create(v.GetValue<long>() + 1),
                "brand" => JsonValue.Create(v.GetValue<string>() == "BrandA" ? "BrandB" : "BrandA"),
                "lid-m" => JsonValue.Create(v.GetValue<string>() + "-X"),
                _ => JsonValue.Create("SHOP-2"),
            };
            return true;
        }
        foreach (var (k, child) in o.ToList())
        {
            if (child is not JsonValue s || !s.TryGetValue<string>(out var text) || Base64(text) is not { } inner || Object(inner) is not { } nested) continue;
            if (!Edit(nested, field)) continue;
            o[k] = JsonValue.Create(Convert.ToBase64String(Encode(nested)));
            return true;
        }
        return false;
    }

    /// <summary>The path of a body that is not canonical JSON (an envelope as sent to the gateway): the body is its one leaf.</summary>
    public const string WholeBody = "envelope";

    /// <summary>Every byte field of the message (nested parts decoded), by path, with its length; largest first.</summary>
    public static IReadOnlyList<(string Path, int Length)> Leaves(byte[] body)
    {
        var list = new List<(string, int)>();
        if (Object(body) is { } root) Collect(root, "", list);
        else if (body.Length >= 8) list.Add((WholeBody, body.Length));
        return [.. list.OrderByDescending(l => l.Item2).ThenBy(l => l.Item1, StringComparer.Ordinal)];
    }

    private static void Collect(JsonNode node, string path, List<(string, int)> into)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, c) in o) if (c is not null) Collect(c, path.Length == 0 ? k : $"{path}/{k}", into);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) if (a[i] is { } c) Collect(c, $"{path}[{i}]", into);
                break;
            case JsonValue v when v.TryGetValue<string>(out var s) && Base64(s) is { Length: >= 8 } bytes:
                if (Object(bytes) is { } nested) Collect(nested, path, into);
                else into.Add((path, bytes.Length));
                break;
        }
    }

    /// <summary>The message with one bit flipped in the byte field at <paramref name="path"/> (offset from the end when negative).</summary>
    public static byte[] FlipLeaf(byte[] body, string path, int offset)
    {
        if (Object(body) is null) return BitFlip.Flip(body, offset);
        var root = Object(body)!;
        Flip(root, "", path, offset);
        return Encode(root);
    }

    private static JsonNode Flip(JsonNode node, string path, string target, int offset)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, c) in o.ToList()) if (c is not null) o[k] = Flip(c.DeepClone(), path.Length == 0 ? k : $"{path}/{k}", target, offset);
                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) if (a[i] is { } c) a[i] = Flip(c.DeepClone(), $"{path}[{i}]", target, offset);
                return a;
            case JsonValue v when v.TryGetValue<string>(out var s) && target.StartsWith(path, StringComparison.Ordinal) && Base64(s) is { Length: >= 8 } bytes:
                if (Object(bytes) is { } nested) return JsonValue.Create(Convert.ToBase64String(Encode(Flip(nested, path, target, offset))));
                return path == target ? JsonValue.Create(Convert.ToBase64String(BitFlip.Flip(bytes, offset))) : v;
            default:
                return node;
        }
    }
}
