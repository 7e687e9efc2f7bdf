using System.Text.Encodings.Web;
using System.Text.Json;

namespace MultiWallet.Audit.Evidence;

/// <summary>evidence.json: the machine-readable bundle (camelCase, indented).</summary>
public static class JsonEvidenceWriter
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(EvidenceBundle bundle, string dir)
    {
        var path = Path.Combine(dir, "evidence.json");
        File.WriteAllText(path, JsonSerializer.Serialize(bundle, Options));
        return path;
    }
}
