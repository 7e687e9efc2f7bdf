using System.Text.Json;
using System.Text.Json.Nodes;
using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Evidence;

/// <summary>
/// attestation.cdx.json: a CycloneDX 1.6 BOM whose <c>definitions.standards</c> holds SPEC.md's
/// requirements (E*, C*, INV-*) and whose <c>declarations</c> map each requirement → claim → evidence
/// (one evidence item per catalog check; failed checks are counter-evidence).
/// </summary>
public static class CycloneDxWriter
{
    private const string Target = "target-multiwallet", Assessor = "assessor-audit", Standard = "standard-multiwallet-spec";

    /// <summary>Writes attestation.cdx.json into <paramref name="dir"/> and returns its path.</summary>
    public static string Write(EvidenceBundle b, string dir)
    {
        var created = b.GeneratedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
        static JsonArray Arr(IEnumerable<string> xs) => new(xs.Select(x => (JsonNode)JsonValue.Create(x)!).ToArray());

        var requirements = new JsonArray(Requirements.All.Select(r => (JsonNode)new JsonObject
        {
            ["bom-ref"] = $"req-{r}",
            ["identifier"] = r,
            ["title"] = Requirements.Title(r),
            ["text"] = Requirements.Title(r),
        }).ToArray());

        // requirement id → (passed, check ids)
        var rows = b.Embodiments.Select(e => (e.Id, e.Passed, e.CheckIds))
            .Concat(b.Claims.Select(c => (c.Id, c.Passed, CheckIds: c.CheckIds.Concat(c.Embodiments.SelectMany(e => b.Embodiments.First(x => x.Id == e).CheckIds)).Distinct().ToArray())))
            .Concat(b.Invariants.Select(i => (i.Id, i.Passed, i.CheckIds))).ToList();

        var claims = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
        {
            ["bom-ref"] = $"claim-{r.Id}",
            ["target"] = Target,
            ["predicate"] = $"MultiWallet satisfies {r.Id}: {Requirements.Title(r.Id)}",
            ["mitigationStrategies"] = new JsonArray(),
            ["reasoning"] = r.CheckIds.Length == 0
                ? "No catalog check exercises this requirement yet."
                : $"{r.CheckIds.Length} catalog check(s) exercise it; seed {b.Seed}, {b.Cases} cases per property; replay: {b.Command}",
            ["evidence"] = Arr(r.CheckIds.Where(id => b.Checks.First(c => c.Id == id).Passed).Select(id => $"evidence-{id}")),
            ["counterEvidence"] = Arr(r.CheckIds.Where(id => !b.Checks.First(c => c.Id == id).Passed).Select(id => $"evidence-{id}")),
        }).ToArray());

        var map = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
        {
            ["requirement"] = $"req-{r.Id}",
            ["claims"] = Arr([$"claim-{r.Id}"]),
            ["counterClaims"] = new JsonArray(),
            ["conformance"] = new JsonObject
            {
                ["score"] = r.Passed ? 1.0 : 0.0,
                ["rationale"] = r.Passed ? "all checks citing it passed" : r.CheckIds.Length == 0 ? "no check cites it" : "a check citing it failed",
                ["mitigationStrategies"] = new JsonArray(),
            },
            ["confidence"] = new JsonObject
            {
                ["score"] = r.CheckIds.Length == 0 ? 0.0 : Math.Min(1.0, 0.5 + 0.1 * r.CheckIds.Length),
                ["rationale"] = $"{r.CheckIds.Length} independent check(s)",
            },
        }).ToArray());

        var evidence = new JsonArray(b.Checks.Select(c => (JsonNode)new JsonObject
        {
            ["bom-ref"] = $"evidence-{c.Id}",
            ["propertyName"] = $"internal:multiwallet:check:{c.Kind}",
            ["description"] = $"{c.Id} ({c.Kind}): {c.Title} — {(c.Passed ? "passed" : "FAILED")}, {c.CasesRun} case(s)",
            ["data"] = new JsonArray(new JsonObject
            {
                ["name"] = "outcome",
                ["contents"] = new JsonObject
                {
                    ["attachment"] = new JsonObject
                    {
                        ["contentType"] = "application/json",
                        ["content"] = JsonSerializer.Serialize(new { c.Id, c.Passed, c.CasesRun, c.Message, c.Replay, c.Counterexample, c.Classes, replayCommand = b.ReplayFor(c.Id) }, JsonEvidenceWriter.Options),
                    },
                },
                ["classification"] = "public",
            }),
            ["created"] = created,
            ["author"] = new JsonObject { ["name"] = "MultiWallet.Audit verify" },
        }).ToArray());

        var bom = new JsonObject
        {
            ["$schema"] = "http://cyclonedx.org/schema/bom-1.6.schema.json",
            ["bomFormat"] = "CycloneDX",
            ["specVersion"] = "1.6",
            ["serialNumber"] = $"urn:uuid:{Guid.NewGuid()}",
            ["version"] = 1,
            ["metadata"] = new JsonObject
            {
                ["timestamp"] = created,
                ["tools"] = new JsonObject
                {
                    ["components"] = new JsonArray(new JsonObject { ["type"] = "application", ["name"] = "MultiWallet.Audit", ["version"] = b.ToolVersion }),
                },
                ["properties"] = new JsonArray(
                    new JsonObject { ["name"] = "multiwallet:seed", ["value"] = b.Seed.ToString() },
                    new JsonObject { ["name"] = "multiwallet:gitCommit", ["value"] = b.GitCommit },
                    new JsonObject { ["name"] = "multiwallet:command", ["value"] = b.Command }),
            },
            ["declarations"] = new JsonObject
            {
                ["assessors"] = new JsonArray(new JsonObject
                {
                    ["bom-ref"] = Assessor,
                    ["thirdParty"] = false,
                    ["organization"] = new JsonObject { ["name"] = "MultiWallet verification suite (automated audit command)" },
                }),
                ["attestations"] = new JsonArray(new JsonObject
                {
                    ["summary"] = $"MultiWallet (JP 2000-026330) verification: {b.PassedCount} of {b.Checks.Count} checks passed at seed {b.Seed}",
                    ["assessor"] = Assessor,
                    ["map"] = map,
                }),
                ["claims"] = claims,
                ["evidence"] = evidence,
                ["targets"] = new JsonObject
                {
                    ["components"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "application",
                        ["bom-ref"] = Target,
                        ["name"] = "MultiWallet",
                        ["version"] = b.GitCommit,
                        ["description"] = "Multi-server-wallet SET payment (model, implementation and verification suite)",
                    }),
                },
            },
            ["definitions"] = new JsonObject
            {
                ["standards"] = new JsonArray(new JsonObject
                {
                    ["bom-ref"] = Standard,
                    ["name"] = "MultiWallet SPEC (digest of JP 2000-026330)",
                    ["version"] = "1",
                    ["description"] = "Embodiments E1–E12, claims C1–C13 and invariants INV-* of shared/SPEC.md",
                    ["owner"] = "MultiWallet project",
                    ["requirements"] = requirements,
                }),
            },
        };
        var path = Path.Combine(dir, "attestation.cdx.json");
        File.WriteAllText(path, bom.ToJsonString(JsonEvidenceWriter.Options));
        return path;
    }
}
