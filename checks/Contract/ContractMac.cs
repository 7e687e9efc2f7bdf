using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MultiWallet.Checks.Contract;

/// <summary>
/// The session MAC exactly as the contract describes it (docs/protocol/openapi.yaml, "Authentication", and the
/// <c>SessionMacInput</c> schema), written from that text and not from impl/Protocol: if a wallet accepts a request sealed
/// here and its reply verifies here, the document says enough for an independent implementer.
/// </summary>
internal static class ContractMac
{
    /// <summary>The hex tag of a message of <paramref name="kind"/> with <paramref name="fields"/> (its <c>mac</c> ignored) and <paramref name="body"/>.</summary>
    public static string Tag(byte[] key, string direction, string wallet, string login, string kind, IReadOnlyDictionary<string, string> fields, byte[] body, string inReplyTo = "")
    {
        var sorted = fields.Where(kv => kv.Key != "mac").OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var input = new JsonObject
        {
            ["msg"] = "SessionMac",
            ["direction"] = direction,
            ["wallet"] = wallet,
            ["login"] = login,
            ["kind"] = kind,
            ["field-names"] = new JsonArray([.. sorted.Select(kv => (JsonNode?)JsonValue.Create(kv.Key))]),
            ["field-values"] = new JsonArray([.. sorted.Select(kv => (JsonNode?)JsonValue.Create(kv.Value))]),
            ["body-digest"] = Convert.ToBase64String(SHA256.HashData(body)),
            ["in-reply-to"] = inReplyTo,
        };
        var bytes = CanonicalJson.Encode(JsonSerializer.SerializeToElement(input));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, bytes).AsSpan(0, 16));
    }
}
