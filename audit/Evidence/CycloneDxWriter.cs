using System.Text.Json;
using System.Text.Json.Nodes;
using MultiWallet.Audit.Verdicts;
using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Evidence;

/// <summary>
/// attestation.cdx.json: a CycloneDX 1.6 BOM whose <c>definitions.standards</c> holds SPEC.md's
/// requirements (E*, C*, INV-*) and whose <c>declarations</c> map each requirement → claim → evidence, rendered from
/// the verdict model (<see cref="EvidenceBundle.Verdicts"/>): one evidence item per catalog check, run or not; a claim's
/// evidence is every check backing it, failed ones as counter-evidence; a row has a conformance score only when the
/// run decided it (1 conforms, 0 fails), none when it is not assessed. The timestamps are the only wall-clock fields.
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

        // Every row renders the verdict model: evidence lists every check backing the requirement (each item says how
        // it stood in this run), counter-evidence the failing ones; conformance is given only when the run decided it.
        var verdicts = b.Verdicts;
        var claims = new JsonArray(verdicts.Requirements.Select(v => (JsonNode)new JsonObject
        {
            ["bom-ref"] = $"claim-{v.Id}",
            ["target"] = Target,
            ["predicate"] = $"MultiWallet satisfies {v.Id}: {v.Title}",
            ["mitigationStrategies"] = new JsonArray(),
            ["reasoning"] = $"{v.StatusLabel}: {v.Reason}. {v.Backing.Count} catalog check(s) back it; seed {b.Seed}, {b.Cases} of {verdicts.FullBudget} cases per generated check; replay: {b.Command}",
            ["evidence"] = Arr(v.Backing.Except(v.Failing).Select(id => $"evidence-{id}")),
            ["counterEvidence"] = Arr(v.Failing.Select(id => $"evidence-{id}")),
        }).ToArray());

        var map = new JsonArray(verdicts.Requirements.Select(v =>
        {
            var row = new JsonObject
            {
                ["requirement"] = $"req-{v.Id}",
                ["claims"] = Arr([$"claim-{v.Id}"]),
                ["counterClaims"] = new JsonArray(),
            };
            if (v.Status != VerdictStatus.NotAssessed)
                row["conformance"] = new JsonObject
                {
                    ["score"] = v.Status == VerdictStatus.Conforms ? 1.0 : 0.0,
                    ["rationale"] = $"{v.StatusLabel}: {v.Reason}",
                    ["mitigationStrategies"] = new JsonArray(),
                };
            row["confidence"] = new JsonObject
            {
                ["score"] = v.Status == VerdictStatus.NotAssessed ? 0.0 : 1.0,
                ["rationale"] = v.Status == VerdictStatus.NotAssessed
                    ? $"not assessed: {v.Reason}"
                    : $"decided by {v.Backing.Count} backing check(s) at {b.Cases} of {verdicts.FullBudget} cases",
            };
            return (JsonNode)row;
        }).ToArray());

        var records = b.Checks.ToDictionary(c => c.Id);
        var evidence = new JsonArray(verdicts.Checks.Select(a => (JsonNode)(records.TryGetValue(a.Id, out var c) ? new JsonObject
        {
            ["bom-ref"] = $"evidence-{c.Id}",
            ["propertyName"] = $"internal:multiwallet:check:{c.Kind}",
            ["description"] = $"{c.Id} ({c.Kind}): {c.Title} — {a.Reason}, {c.CasesRun} case(s)",
            ["data"] = new JsonArray(new JsonObject
            {
                ["name"] = "outcome",
                ["contents"] = new JsonObject
                {
                    ["attachment"] = new JsonObject
                    {
                        ["contentType"] = "application/json",
                        ["content"] = JsonSerializer.Serialize(new { c.Id, standing = a.Standing.ToString(), c.Passed, c.CasesRun, c.Message, c.Replay, c.Counterexample, c.Classes, replayCommand = b.ReplayFor(c.Id) }, JsonEvidenceWriter.Options),
                    },
                },
                ["classification"] = "public",
            }),
            ["created"] = created,
            ["author"] = new JsonObject { ["name"] = "MultiWallet.Audit verify" },
        } : new JsonObject
        {
            ["bom-ref"] = $"evidence-{a.Id}",
            ["propertyName"] = "internal:multiwallet:check:not-run",
            ["description"] = $"{a.Id}: {a.Reason}; replay: {b.ReplayFor(a.Id)}",
            ["created"] = created,
            ["author"] = new JsonObject { ["name"] = "MultiWallet.Audit verify" },
        })).ToArray());

        var bom = new JsonObject
        {
            ["$schema"] = "http://cyclonedx.org/schema/bom-1.6.schema.json",
            ["bomFormat"] = "CycloneDX",
            ["specVersion"] = "1.6",
            ["serialNumber"] = SbomWriter.SerialOf(JsonSerializer.Serialize(b, JsonEvidenceWriter.Options)),
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
                    ["summary"] = $"MultiWallet (JP 2000-026330) verification: {b.PassedCount} of {b.Checks.Count} checks run passed at seed {b.Seed}, {b.Cases} of {verdicts.FullBudget} cases; "
                        + $"requirements: {verdicts.Requirements.Count(v => v.Status == VerdictStatus.Conforms)} conform, {verdicts.Requirements.Count(v => v.Status == VerdictStatus.NotAssessed)} not assessed, {verdicts.Requirements.Count(v => v.Status == VerdictStatus.Fails)} fail",
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
