using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// evidence.json's verdict model, its claim / embodiment / invariant records, the CycloneDX attestation, junit.xml and the
/// signed statement agree on every requirement's status and backing checks: for a filtered run, and for a run with a failing check.
/// </summary>
[Collection(EvidenceCollection.Name)]
public sealed class EvidenceAgreementTests
{
    private sealed record Verdict(string Status, string[] Backing, string[] Failing);

    [Fact]
    public void A_filtered_run_assesses_nothing_it_did_not_fully_run_and_every_artifact_says_so()
    {
        using var run = new VerifyRun("--cases", "5", "--only", "CATALOG-WELLFORMED,FOUNDATION-PURCHASE,AUDIT-SAMPLE-PROPERTY");
        Assert.Equal(0, run.Result.ExitCode);
        var model = AssertAgree(run);
        Assert.All(model.Values, v => Assert.Equal("not assessed", v.Status));
        // C1 and C9 no longer pass with no checks: they are backed (through their embodiments) and not assessed.
        Assert.NotEmpty(model["C1"].Backing);
        Assert.NotEmpty(model["C9"].Backing);
    }

    [Fact]
    public void A_failing_check_fails_exactly_the_requirements_it_backs_in_every_artifact()
    {
        using var run = new VerifyRun("--cases", "1000", "--only", "AUDIT-SAMPLE-FAILS,CATALOG-WELLFORMED");
        Assert.Equal(1, run.Result.ExitCode);
        var model = AssertAgree(run);
        Assert.Equal("fails", model["INV-CONFORM"].Status);
        Assert.Equal(["AUDIT-SAMPLE-FAILS"], model["INV-CONFORM"].Failing);
        // AUDIT-SAMPLE-FAILS cites INV-CONFORM only and exercises no embodiment: no claim is painted red.
        Assert.All(model.Where(kv => kv.Key != "INV-CONFORM"), kv => Assert.Equal("not assessed", kv.Value.Status));
    }

    /// <summary>Asserts every artifact renders the same verdicts and returns them.</summary>
    private static Dictionary<string, Verdict> AssertAgree(VerifyRun run)
    {
        using var ev = JsonDocument.Parse(File.ReadAllText(run.File("evidence.json")));
        var root = ev.RootElement;
        static string[] Strings(JsonElement a) => [.. a.EnumerateArray().Select(x => x.GetString()!)];
        var model = root.GetProperty("verdicts").GetProperty("requirements").EnumerateArray().ToDictionary(
            r => r.GetProperty("id").GetString()!,
            r => new Verdict(r.GetProperty("status").GetString()!, Strings(r.GetProperty("backing")), Strings(r.GetProperty("failing"))));
        Assert.Equal(MultiWallet.Checks.Catalog.Requirements.All.Order(), model.Keys.Order());
        var ran = root.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToHashSet();

        // evidence.json's own records: the same status, and the backing checks that ran.
        foreach (var section in new[] { "embodiments", "claims", "invariants" })
            foreach (var r in root.GetProperty(section).EnumerateArray())
            {
                var v = model[r.GetProperty("id").GetString()!];
                Assert.Equal(v.Status, r.GetProperty("status").GetString());
                Assert.Equal(v.Status == "conforms", r.GetProperty("passed").GetBoolean());
                Assert.Equal(v.Backing.Where(ran.Contains), Strings(r.GetProperty("checkIds")));
            }

        // CycloneDX: a conformance score only when decided; evidence + counter-evidence = every backing check.
        using var cdx = JsonDocument.Parse(File.ReadAllText(run.File("attestation.cdx.json")));
        var decl = cdx.RootElement.GetProperty("declarations");
        var claims = decl.GetProperty("claims").EnumerateArray().ToDictionary(c => c.GetProperty("bom-ref").GetString()!);
        foreach (var row in decl.GetProperty("attestations")[0].GetProperty("map").EnumerateArray())
        {
            var id = row.GetProperty("requirement").GetString()!["req-".Length..];
            var status = row.TryGetProperty("conformance", out var c) ? (c.GetProperty("score").GetDouble() == 1.0 ? "conforms" : "fails") : "not assessed";
            Assert.Equal(model[id].Status, status);
            var claim = claims[$"claim-{id}"];
            string[] Refs(string p) => [.. Strings(claim.GetProperty(p)).Select(s => s["evidence-".Length..])];
            Assert.Equal(model[id].Backing.Order(), Refs("evidence").Concat(Refs("counterEvidence")).Order());
            Assert.Equal(model[id].Failing.Order(), Refs("counterEvidence").Order());
        }

        // junit.xml: the requirements suite, one testcase per requirement.
        var suite = XDocument.Load(run.File("junit.xml")).Descendants("testsuite")
            .Single(s => (string?)s.Attribute("name") == Evidence.JUnitWriter.RequirementsSuite);
        foreach (var t in suite.Elements("testcase"))
        {
            var v = model[(string)t.Attribute("name")!];
            var status = t.Element("failure") is not null ? "fails" : t.Element("skipped") is not null ? "not assessed" : "conforms";
            Assert.Equal(v.Status, status);
            var backing = t.Element("system-out")!.Value.Split('\n').Single(l => l.StartsWith(Evidence.JUnitWriter.BackingPrefix, StringComparison.Ordinal));
            Assert.Equal(string.Join(",", v.Backing), backing[Evidence.JUnitWriter.BackingPrefix.Length..]);
        }
        Assert.Equal(model.Count, suite.Elements("testcase").Count());

        // The signed statement's predicate.
        using var env = JsonDocument.Parse(File.ReadAllText(run.File(Bundle.BundleFiles.Envelope)));
        using var statement = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(env.RootElement.GetProperty("payload").GetString()!)));
        foreach (var p in statement.RootElement.GetProperty("predicate").GetProperty("verdicts").EnumerateObject())
            Assert.Equal(model[p.Name].Status, p.Value.GetString());
        return model;
    }
}
