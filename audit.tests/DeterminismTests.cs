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
        SameEvidence(first, second);

        // The masks hide something real: the wall-clock fields are there to mask.
        Assert.Matches(JUnitClock(), File.ReadAllText(first.File("junit.xml")));
        Assert.Matches(CycloneDxClock(), File.ReadAllText(first.File("attestation.cdx.json")));
        Assert.DoesNotContain("durationSeconds", File.ReadAllText(first.File("evidence.json")));
        Assert.Contains("durationSeconds", File.ReadAllText(first.File("timings.json")));
    }

    // Several checks of every kind, so each phase has checks to run side by side; none from the test assembly, because
    // these runs are processes of their own (each with cold caches: nothing one run computed is reused by the other).
    // EXHAUSTIVE-FINDS-LATE-FAULTS and FAULT-E10-MERCHANT-DROPS-UNRESOLVED share one cached detection whose computation
    // logs (its detector's counterexamples): run one at a time the first computes it, side by side either may.
    private static readonly string[] JobsArgs = ["--cases", "7", "--only",
        "CATALOG-WELLFORMED,FOUNDATION-PURCHASE,PROP-INV-CONFORM,PROP-INV-BAD-INPUT,PROP-INV-ONCE,MODEL-COVERAGE,ATTACK-CAMPAIGN," +
        "FAULT-E1-FIRST-WUM,FAULT-E2-GATEWAY-XID-CHECK-THEN-ACT,EXHAUSTIVE-FINDS-LATE-FAULTS,FAULT-E10-MERCHANT-DROPS-UNRESOLVED," +
        "HTTP-FIELDS-ROUNDTRIP,HTTP-UNREACHABLE"];

    [Fact]
    public void Checks_run_one_at_a_time_give_the_evidence_of_checks_run_side_by_side()
    {
        var root = Path.Combine(Path.GetTempPath(), "mw-jobs-" + Guid.NewGuid().ToString("N"));
        try
        {
            string Run(string jobs)
            {
                var cwd = Directory.CreateDirectory(Path.Combine(root, "jobs" + jobs)).FullName;
                var (code, output) = ShardMergeTests.Audit(cwd, ["verify", "--out", "ev", "--jobs", jobs, .. JobsArgs]);
                Assert.True(code is 0 or 1, $"--jobs {jobs} exited {code}: {output}");
                return Path.Combine(cwd, "ev");
            }
            var serial = Run("1");
            var sideBySide = Run("4");
            foreach (var exact in new[] { "evidence.json", "sbom.cdx.json", "checks.log", "cases.jsonl", "counterexamples/FAULT-E1-FIRST-WUM-E1.yaml" })
                Assert.True(File.ReadAllBytes(Path.Combine(serial, exact)).SequenceEqual(File.ReadAllBytes(Path.Combine(sideBySide, exact))), $"{exact} differs between --jobs 1 and --jobs 4");
            string Masked(string dir, string file, Regex clock) => clock.Replace(File.ReadAllText(Path.Combine(dir, file)), m => m.Groups[1].Value + "=*");
            Assert.Equal(Masked(serial, "junit.xml", JUnitClock()), Masked(sideBySide, "junit.xml", JUnitClock()));
            Assert.Equal(Masked(serial, "attestation.cdx.json", CycloneDxClock()), Masked(sideBySide, "attestation.cdx.json", CycloneDxClock()));

            // Both checks that asked for the shared detection log what computing it logged, not only the one that computed it.
            var sections = File.ReadAllText(Path.Combine(serial, "checks.log")).Split("### ").Where(x => x.Length > 0).ToDictionary(x => x[..x.IndexOf(' ', StringComparison.Ordinal)], StringComparer.Ordinal);
            // (PROP-BOUNDED-EXPIRY-ORDERS logs "case #i: orders [...]"; the fault check's own counterexample has no "case #i:".)
            var detector = Regex.Match(sections["FAULT-E10-MERCHANT-DROPS-UNRESOLVED"], @"case #\d+: orders \[[^\n]*");
            Assert.True(detector.Success, sections["FAULT-E10-MERCHANT-DROPS-UNRESOLVED"]);
            Assert.Contains(detector.Value, sections["EXHAUSTIVE-FINDS-LATE-FAULTS"], StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static void SameEvidence(VerifyRun first, VerifyRun second)
    {
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
    }
}
