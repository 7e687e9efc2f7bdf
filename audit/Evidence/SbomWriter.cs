using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MultiWallet.Audit.Evidence;

/// <summary>
/// sbom.cdx.json: the suite's own SBOM (CycloneDX 1.6), one component per library of the audit's deps.json with its
/// NuGet package URL and SHA-512. Read from the build's output at verify time, so it needs no tool and no network.
/// </summary>
public static class SbomWriter
{
    /// <summary>Writes the SBOM of <paramref name="r"/>'s packages into <paramref name="dir"/> and returns its path.</summary>
    public static string Write(ReproducibilityRecord r, string toolVersion, string dir)
    {
        var components = new JsonArray(r.Packages.Select(p =>
        {
            var c = new JsonObject
            {
                ["type"] = "library",
                ["bom-ref"] = $"{p.Type}:{p.Name}@{p.Version}",
                ["name"] = p.Name,
                ["version"] = p.Version,
            };
            if (p.Type == "package") c["purl"] = $"pkg:nuget/{p.Name}@{p.Version}";
            if (p.Sha512.Length > 0) c["hashes"] = new JsonArray(new JsonObject { ["alg"] = "SHA-512", ["content"] = p.Sha512 });
            return (JsonNode)c;
        }).ToArray());
        var bom = new JsonObject
        {
            ["$schema"] = "http://cyclonedx.org/schema/bom-1.6.schema.json",
            ["bomFormat"] = "CycloneDX",
            ["specVersion"] = "1.6",
            ["serialNumber"] = SerialOf(string.Join("\n", r.Packages.Select(p => $"{p.Name}@{p.Version}:{p.Sha512}")) + r.GitCommit),
            ["version"] = 1,
            ["metadata"] = new JsonObject
            {
                ["tools"] = new JsonObject
                {
                    ["components"] = new JsonArray(new JsonObject { ["type"] = "application", ["name"] = "MultiWallet.Audit", ["version"] = toolVersion }),
                },
                ["component"] = new JsonObject
                {
                    ["type"] = "application",
                    ["bom-ref"] = "multiwallet-audit",
                    ["name"] = "MultiWallet.Audit",
                    ["version"] = r.GitCommit,
                },
                ["properties"] = new JsonArray(
                    new JsonObject { ["name"] = "multiwallet:sbomSource", ["value"] = r.SbomSource },
                    new JsonObject { ["name"] = "multiwallet:sdk", ["value"] = r.Sdk },
                    new JsonObject { ["name"] = "multiwallet:runtime", ["value"] = r.Runtime }),
            },
            ["components"] = components,
        };
        var path = Path.Combine(dir, BuildEnvironment.SbomFile);
        File.WriteAllText(path, bom.ToJsonString(JsonEvidenceWriter.Options));
        return path;
    }

    /// <summary>A urn:uuid derived from <paramref name="content"/>: the same content gives the same serial number, so a re-run is byte-identical.</summary>
    public static string SerialOf(string content)
    {
        var h = SHA256.HashData(Encoding.UTF8.GetBytes(content)).AsSpan(0, 16).ToArray();
        h[6] = (byte)((h[6] & 0x0F) | 0x50); // version 5-style (name-based), per RFC 9562's layout
        h[8] = (byte)((h[8] & 0x3F) | 0x80);
        return $"urn:uuid:{new Guid(h, bigEndian: true)}";
    }
}
