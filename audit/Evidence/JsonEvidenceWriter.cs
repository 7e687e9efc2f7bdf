using System.Text.Encodings.Web;
using System.Text.Json;

namespace MultiWallet.Audit.Evidence;

/// <summary>evidence.json: the machine-readable bundle (camelCase, indented).</summary>
public static class JsonEvidenceWriter
{
    /// <summary>The serializer options of evidence.json.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes evidence.json into <paramref name="dir"/> and returns its path.</summary>
    public static string Write(EvidenceBundle bundle, string dir)
    {
        var path = Path.Combine(dir, "evidence.json");
        File.WriteAllText(path, JsonSerializer.Serialize(bundle, Options));
        return path;
    }
}
