using System.Text.Json;
using System.Text.Json.Nodes;
using MultiWallet.Audit.Evidence;
using MultiWallet.Audit.Verdicts;

namespace MultiWallet.Audit.Bundle;

/// <summary>
/// The in-toto test-result v0.1 predicate of a verify run: result, configuration, the passed / warned / failed checks,
/// plus the verdict of every requirement and the reproducibility block (extra fields, as in-toto predicates allow).
/// A check is "warned" when it judged nothing (environment) or did not decide at a reduced budget.
/// </summary>
public static class TestResultPredicate
{
    /// <summary>The predicate of <paramref name="b"/>.</summary>
    public static JsonObject Of(EvidenceBundle b)
    {
        var standings = b.Verdicts.Checks.Where(a => a.Standing != CheckStanding.NotRun).ToList();
        JsonArray Ids(params CheckStanding[] s) => new([.. standings.Where(a => s.Contains(a.Standing)).Select(a => (JsonNode)JsonValue.Create(a.Id)!)]);
        var failed = Ids(CheckStanding.Failed);
        var warned = Ids(CheckStanding.Inconclusive, CheckStanding.ReducedInconclusive, CheckStanding.Reduced);
        return new JsonObject
        {
            ["result"] = failed.Count > 0 ? "FAILED" : warned.Count > 0 ? "WARNED" : "PASSED",
            ["configuration"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = "source",
                    ["digest"] = new JsonObject { ["gitCommit"] = b.GitCommit },
                    ["annotations"] = new JsonObject { ["dirty"] = b.Reproducibility.Dirty?.ToString().ToLowerInvariant() ?? "unknown" },
                },
                new JsonObject { ["name"] = "command", ["annotations"] = new JsonObject { ["command"] = b.Command } }),
            ["passedTests"] = Ids(CheckStanding.Passed),
            ["warnedTests"] = warned,
            ["failedTests"] = failed,
            ["verdicts"] = new JsonObject(b.Verdicts.Requirements.Select(v => KeyValuePair.Create(v.Id, (JsonNode?)JsonValue.Create(v.StatusLabel)))),
            ["reproducibility"] = JsonSerializer.SerializeToNode(b.Reproducibility, JsonEvidenceWriter.Options),
        };
    }
}
