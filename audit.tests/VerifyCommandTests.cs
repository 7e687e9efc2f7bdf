using System.Text.Json;
using System.Xml.Linq;
using Spectre.Console.Cli.Testing;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>The `verify` verb run in-process: exit codes 0 / 1 / 2 and the four evidence files.</summary>
public sealed class VerifyCommandTests : IDisposable
{
    private readonly string outDir = Path.Combine(Path.GetTempPath(), "mw-audit-" + Guid.NewGuid().ToString("N"));

    /// <summary>Adds the sample checks of this assembly to the catalog.</summary>
    public VerifyCommandTests() => AuditApp.ExtraAssemblies = [typeof(SampleChecks).Assembly];

    public void Dispose()
    {
        AuditApp.ExtraAssemblies = [];
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
    }

    private CommandAppResult Verify(params string[] extra) => AuditTester.Run(["verify", "--cases", "5", "--out", outDir, .. extra]);

    [Fact]
    public void Passing_check_exits_0_and_writes_the_bundle()
    {
        var run = Verify("--only", "CATALOG-WELLFORMED");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("MultiWallet verify: 1 of", run.Output);
        Assert.Contains("PASS CATALOG-WELLFORMED", run.Output);
        Assert.Contains("PASSED", run.Output);
        Assert.Contains("replay: dotnet run --project audit -- verify --seed 20000203 --cases 5 --only CATALOG-WELLFORMED", run.Output);
        foreach (var f in new[] { "evidence.json", "report.html", "junit.xml", "attestation.cdx.json" })
            Assert.True(File.Exists(Path.Combine(outDir, f)), f);

        using var ev = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "evidence.json")));
        var root = ev.RootElement;
        Assert.Equal(5, root.GetProperty("cases").GetInt32());
        Assert.Equal("CATALOG-WELLFORMED", root.GetProperty("checks")[0].GetProperty("id").GetString());
        Assert.Equal(12, root.GetProperty("embodiments").GetArrayLength());
        Assert.Equal(13, root.GetProperty("claims").GetArrayLength());
        Assert.Contains("--seed 20000203", root.GetProperty("command").GetString());

        using var cdx = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "attestation.cdx.json")));
        Assert.Equal("1.6", cdx.RootElement.GetProperty("specVersion").GetString());
        Assert.True(cdx.RootElement.GetProperty("declarations").GetProperty("attestations")[0].GetProperty("map").GetArrayLength() >= 35);

        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("mermaid.initialize", html);
        Assert.DoesNotContain("@@MERMAID_BUNDLE@@", html);
        Assert.DoesNotContain("<script src", html);
    }

    [Fact]
    public void Failing_check_exits_1_with_replay_in_junit()
    {
        var run = Verify("--only", "AUDIT-SAMPLE-FAILS", "--seed", "7");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAILED AUDIT-SAMPLE-FAILS: deliberate failure", run.Output);
        var failure = XDocument.Load(Path.Combine(outDir, "junit.xml")).Descendants("testcase")
            .Single(t => (string?)t.Attribute("name") == "AUDIT-SAMPLE-FAILS").Element("failure")!;
        Assert.Contains("verify --seed 7 --cases 5 --only AUDIT-SAMPLE-FAILS", failure.Value);
    }

    [Fact]
    public void An_inconclusive_check_exits_4_and_says_so_and_a_failure_still_wins()
    {
        var run = Verify("--only", "AUDIT-SAMPLE-INCONCLUSIVE,CATALOG-WELLFORMED");
        Assert.Equal(4, run.ExitCode);
        Assert.Contains("INCONCLUSIVE AUDIT-SAMPLE-INCONCLUSIVE", run.Output);
        using var ev = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "evidence.json")));
        var check = ev.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "AUDIT-SAMPLE-INCONCLUSIVE");
        Assert.Contains("30 s", check.GetProperty("inconclusive").GetString());
        Assert.Equal(1, Verify("--only", "AUDIT-SAMPLE-INCONCLUSIVE,AUDIT-SAMPLE-FAILS").ExitCode);
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("--embodiment", "E13")]
    [InlineData("--only", "NO-SUCH-ID")]
    [InlineData("--cases", "0")]
    [InlineData("--network", "carrier-pigeon")]
    [InlineData("--cases", "many")]
    public void Bad_usage_exits_2(params string[] args)
    {
        var run = Verify(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error", run.Output);
    }

    [Fact]
    public void Unknown_verb_exits_2()
    {
        var run = AuditTester.Run("no-such-verb");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage error:", run.Output);
    }

    [Fact]
    public void Typed_evidence_reaches_the_bundle_and_the_report()
    {
        var run = Verify("--only", "AUDIT-SAMPLE-TRACE,AUDIT-SAMPLE-MODEL,AUDIT-SAMPLE-PROPERTY,AUDIT-SAMPLE-FAULT");
        Assert.Equal(0, run.ExitCode);
        using var ev = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "evidence.json")));
        var fault = ev.RootElement.GetProperty("faults")[0];
        Assert.Equal("selector ignores the brand", fault.GetProperty("description").GetString());
        Assert.Equal(3, fault.GetProperty("casesToDetect").GetInt32());
        var cov = ev.RootElement.GetProperty("model").GetProperty("transitions");
        Assert.Contains(cov.EnumerateArray(), t => t.GetProperty("trigger").GetString() == "WakeUp" && t.GetProperty("count").GetInt32() == 12);
        var facts = ev.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("facts"));
        Assert.StartsWith("POS -> PC", facts["AUDIT-SAMPLE-TRACE"].GetProperty("trace.text").GetString());
        Assert.Equal("12", facts["AUDIT-SAMPLE-MODEL"].GetProperty("coverage.Selector.Idle--WakeUp-->Choosing").GetString());
        Assert.StartsWith("digraph", facts["AUDIT-SAMPLE-MODEL"].GetProperty("graph.Selector.dot").GetString());
        Assert.Equal("3", facts["AUDIT-SAMPLE-FAULT"].GetProperty("fault.casesToDetect").GetString());
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("sequenceDiagram", html);
        Assert.Contains("stateDiagram-v2", html);
        Assert.Contains("capable wallet", html);

        // Left for audit/check-report.sh to render in headless chromium (see its usage line).
        var keep = Environment.GetEnvironmentVariable("MW_SAMPLE_REPORT");
        if (!string.IsNullOrEmpty(keep)) File.Copy(Path.Combine(outDir, "report.html"), keep, overwrite: true);
    }
}
