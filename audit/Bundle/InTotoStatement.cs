using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MultiWallet.Audit.Bundle;

/// <summary>An in-toto Statement v1 naming every file of a bundle by SHA-256, with a predicate about them.</summary>
public static class InTotoStatement
{
    /// <summary>The statement type.</summary>
    public const string Type = "https://in-toto.io/Statement/v1";

    /// <summary>The predicate type of a test result.</summary>
    public const string TestResultPredicateType = "https://in-toto.io/attestation/test-result/v0.1";

    /// <summary>The SHA-256 (hex) of a file.</summary>
    public static string Sha256Of(string path)
    {
        using var f = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(f));
    }

    /// <summary>The statement whose subjects are every file under <paramref name="dir"/> but the envelope and the key.</summary>
    public static JsonObject Of(string dir, JsonObject predicate) => new()
    {
        ["_type"] = Type,
        ["subject"] = new JsonArray(BundleFiles.Under(dir).Where(BundleFiles.IsSubject).Select(f => (JsonNode)new JsonObject
        {
            ["name"] = f,
            ["digest"] = new JsonObject { ["sha256"] = Sha256Of(Path.Combine(dir, f)) },
        }).ToArray()),
        ["predicateType"] = TestResultPredicateType,
        ["predicate"] = predicate,
    };
}
