using System.Text.RegularExpressions;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// The same `verify` command run twice gives byte-identical evidence except the wall-clock fields: timings.json as a whole,
/// junit's <c>time</c> / <c>timestamp</c> attributes, CycloneDX's <c>timestamp</c> / <c>created</c>, the report (which shows
/// the timings), and the envelope and key (a fresh signature over those digests).
/// </summary>
[Collection(EvidenceCollection.Name)]
public sealed partial class DeterminismTests
{
    // Besides the samples: checks that fill their classes from parallel work (the shared campaign's properties and
    // coverage, the attacker campaign), a seeded fault (its counterexample file), an HTTP check on OS-chosen ports, and a
    // scenario file run as a catalog check.
    private static readonly string[] Args = ["--cases", "7", "--only",
        "CATALOG-WELLFORMED,FOUNDATION-PURCHASE,AUDIT-SAMPLE-PROPERTY,AUDIT-SAMPLE-FAULT,AUDIT-SAMPLE-FAILS," +
        "PROP-INV-CONFORM,PROP-INV-BAD-INPUT,MODEL-COVERAGE,ATTACK-CAMPAIGN,FAULT-E1-FIRST-WUM,HTTP-FIELDS-ROUNDTRIP,SCENARIO-E7-TWO-MERCHANTS"];

    [GeneratedRegex("""\b(time|timestamp)="[^"]*""")]
    private static partial Regex JUnitClock();

    [GeneratedRegex(""""(timestamp|created)": "[^"]*"""")]
    private static partial Regex CycloneDxClock();

    [Fact]
    public void Two_runs_of_the_same_command_differ_only_in_the_wall_clock_fields()
    {
        using var first = new VerifyRun(Args);
        using var second = new VerifyRun(Args);
        Assert.Equal(1, first.Result.ExitCode);
        Assert.Equal(1, second.Result.ExitCode);

        foreach (var exact in new[] { "evidence.json", "sbom.cdx.json", "checks.log", "cases.jsonl" })
            Assert.True(File.ReadAllBytes(first.File(exact)).SequenceEqual(File.ReadAllBytes(second.File(exact))), $"{exact} differs between two runs");

        // A counterexample file's replay commands name the evidence directory, which differs here only because the two
        // runs were given different --out directories.
        string Located(VerifyRun r, string file) => File.ReadAllText(r.File(file)).Replace(r.Dir, "OUT", StringComparison.Ordinal);
        Assert.Equal(Located(first, "counterexamples/FAULT-E1-FIRST-WUM-E1.yaml"), Located(second, "counterexamples/FAULT-E1-FIRST-WUM-E1.yaml"));

        string Masked(VerifyRun r, string file, Regex clock) => clock.Replace(File.ReadAllText(r.File(file)), m => m.Groups[1].Value + "=*");
        Assert.Equal(Masked(first, "junit.xml", JUnitClock()), Masked(second, "junit.xml", JUnitClock()));
        Assert.Equal(Masked(first, "attestation.cdx.json", CycloneDxClock()), Masked(second, "attestation.cdx.json", CycloneDxClock()));

        // The masks hide something real: the wall-clock fields are there to mask.
        Assert.Matches(JUnitClock(), File.ReadAllText(first.File("junit.xml")));
        Assert.Matches(CycloneDxClock(), File.ReadAllText(first.File("attestation.cdx.json")));
        Assert.DoesNotContain("durationSeconds", File.ReadAllText(first.File("evidence.json")));
        Assert.Contains("durationSeconds", File.ReadAllText(first.File("timings.json")));
    }
}
