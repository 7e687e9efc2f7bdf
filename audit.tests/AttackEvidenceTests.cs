using System.Net;
using System.Text.Json;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// The attacker campaign's evidence through `verify`: the "attacks" section of evidence.json, the report's attacker
/// section and the summary line, from a constructed payload and from a small real campaign.
/// </summary>
public sealed class AttackEvidenceTests : IDisposable
{
    private readonly string outDir = Path.Combine(Path.GetTempPath(), "mw-audit-" + Guid.NewGuid().ToString("N"));

    /// <summary>Adds the sample checks of this assembly to the catalog.</summary>
    public AttackEvidenceTests() => AuditApp.ExtraAssemblies = [typeof(SampleChecks).Assembly];

    public void Dispose()
    {
        AuditApp.ExtraAssemblies = [];
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
    }

    private JsonDocument Evidence() => JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "evidence.json")));

    private static JsonElement Cell(JsonElement attacks, string embodiment, string position) =>
        attacks.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("embodiment").GetString() == embodiment && c.GetProperty("position").GetString() == position);

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(x => x.GetString()!)];

    [Fact]
    public void A_constructed_campaign_reaches_the_json_the_report_and_the_summary()
    {
        var run = AuditTester.Run("verify", "--cases", "5", "--out", outDir, "--only", "AUDIT-SAMPLE-ATTACKS");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("attacker campaign: 9 attacked cases, 6 attack steps tried in 2/4 embodiment × position cells, properties held 2/3, cost ×2.00 the honest campaign (3.0 s vs 1.5 s)", run.Output);

        using var ev = Evidence();
        var a = ev.RootElement.GetProperty("attacks");
        Assert.Equal("AUDIT-SAMPLE-ATTACKS", a.GetProperty("fromCheck").GetString());
        Assert.Equal(["N-PC", "N-GATEWAY", "LOCAL", "MSW"], Strings(a.GetProperty("positions")));
        Assert.Equal(9, a.GetProperty("attackedCases").GetInt32());
        Assert.Equal(2, a.GetProperty("cellsReached").GetInt32());
        Assert.Equal(6, a.GetProperty("steps").GetInt32());
        var byKind = a.GetProperty("stepsByKind");
        Assert.Equal((1, 2, 3), (byKind.GetProperty("Probe").GetInt32(), byKind.GetProperty("Replay").GetInt32(), byKind.GetProperty("Substitute").GetInt32()));

        var held = Cell(a, "E1", "N-PC");
        Assert.Equal("held", held.GetProperty("status").GetString());
        Assert.Equal(3, held.GetProperty("steps").GetInt32());
        Assert.Equal(1, held.GetProperty("tried").GetProperty("Substitute:brand").GetInt32());
        Assert.Equal(["PROP-INV-SECRECY", "PROP-INV-AGREEMENT"], Strings(held.GetProperty("held")));
        Assert.Equal(["PROP-INV-UNIFORM-FAILURE"], Strings(held.GetProperty("unexercised")));
        Assert.Equal("not-reached", Cell(a, "E1", "N-GATEWAY").GetProperty("status").GetString());
        Assert.Equal(0, Cell(a, "E1", "LOCAL").GetProperty("cases").GetInt32());
        Assert.Equal("not-reached", Cell(a, "E1", "LOCAL").GetProperty("status").GetString());
        var violated = Cell(a, "E8", "MSW");
        Assert.Equal("violated", violated.GetProperty("status").GetString());
        Assert.Equal(["PROP-INV-UNIFORM-FAILURE"], Strings(violated.GetProperty("violated")));

        var props = a.GetProperty("properties").EnumerateArray().ToDictionary(p => p.GetProperty("checkId").GetString()!);
        Assert.Equal((2, 0, true), (props["PROP-INV-SECRECY"].GetProperty("heldIn").GetInt32(), props["PROP-INV-SECRECY"].GetProperty("violatedIn").GetInt32(), props["PROP-INV-SECRECY"].GetProperty("held").GetBoolean()));
        Assert.False(props["PROP-INV-UNIFORM-FAILURE"].GetProperty("held").GetBoolean());
        Assert.Equal(2, a.GetProperty("propertiesHeld").GetInt32());

        // The cost is wall-clock: timings.json carries it, so that evidence.json is the same for the same command.
        using var timings = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "timings.json")));
        Assert.False(a.TryGetProperty("cost", out _));
        var cost = timings.RootElement.GetProperty("attackCost");
        Assert.Equal((9, 3.0, 9, 1.5, 2.0, 2.0), (cost.GetProperty("attackedCases").GetInt32(), cost.GetProperty("attackedSeconds").GetDouble(),
            cost.GetProperty("honestCases").GetInt32(), cost.GetProperty("honestSeconds").GetDouble(), cost.GetProperty("ratio").GetDouble(), cost.GetProperty("perCaseRatio").GetDouble()));

        var facts = ev.RootElement.GetProperty("checks")[0].GetProperty("facts");
        Assert.Equal("3", facts.GetProperty("attack.steps.Substitute").GetString());
        Assert.StartsWith("cases=4; tried=Probe=1,Substitute:amount=2; held=PROP-INV-SECRECY; violated=PROP-INV-UNIFORM-FAILURE", facts.GetProperty("attack.E8.MSW").GetString());

        // The template escapes the text it writes (· as &#183;); the assertions read the page as a browser shows it.
        var html = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(outDir, "report.html")));
        Assert.Contains("<h2 id=\"attacks\">Attacker campaign</h2>", html);
        Assert.Contains("<td class=\"cell-held\">3 cases · 3 steps", html);
        Assert.Contains("<td class=\"cell-violated\">4 cases · 3 steps", html);
        Assert.Contains("<span class=\"badge fail\">✘ UNIFORM-FAILURE</span>", html);
        Assert.Contains("not exercised: UNIFORM-FAILURE", html);
        Assert.Contains("<td class=\"cell-unreached\">2 cases, no step fired: not reached", html);
        Assert.Contains("<td class=\"cell-unreached\">no attacked case: not reached", html);
        Assert.Contains("<td class=\"cell-absent\">no such position", html);
        Assert.Contains("×2.00 the honest campaign's time, ×2.00 per scenario", html);
    }

    [Fact]
    public void Without_the_campaign_the_section_is_null_and_the_report_says_so()
    {
        var run = AuditTester.Run("verify", "--cases", "5", "--out", outDir, "--only", "CATALOG-WELLFORMED");
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("attacker campaign:", run.Output);
        using var ev = Evidence();
        Assert.Equal(JsonValueKind.Null, ev.RootElement.GetProperty("attacks").ValueKind);
        Assert.Contains("The attacker campaign (ATTACK-CAMPAIGN) did not run.", File.ReadAllText(Path.Combine(outDir, "report.html")));
    }

    [Fact]
    public void A_small_real_campaign_has_a_cell_for_every_position_of_every_embodiment()
    {
        const int cases = 16, perEmbodiment = 16;
        var run = AuditTester.Run("verify", "--cases", $"{cases}", "--out", outDir, "--only", "ATTACK-CAMPAIGN,PROP-INV-SECRECY");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"attacker campaign: {12 * perEmbodiment} attacked cases", run.Output);

        using var ev = Evidence();
        var a = ev.RootElement.GetProperty("attacks");
        Assert.Equal("ATTACK-CAMPAIGN", a.GetProperty("fromCheck").GetString());
        var cells = a.GetProperty("cells").EnumerateArray().ToList();
        // Six positions in E1–E6; the master and its slave link exist only in E7–E12.
        Assert.Equal(6 * 6 + 6 * 8, cells.Count);
        Assert.Equal(8, a.GetProperty("positions").GetArrayLength());
        Assert.DoesNotContain(cells, c => c.GetProperty("embodiment").GetString() == "E1" && c.GetProperty("position").GetString() is "MSW" or "N-SLAVE");
        Assert.Equal(12 * perEmbodiment, a.GetProperty("attackedCases").GetInt32());
        Assert.Equal(12 * perEmbodiment, cells.Sum(c => c.GetProperty("cases").GetInt32()));

        var steps = a.GetProperty("steps").GetInt32();
        Assert.True(steps > 0);
        Assert.Equal(steps, a.GetProperty("stepsByKind").EnumerateObject().Sum(k => k.Value.GetInt32()));
        Assert.Equal(steps, cells.Sum(c => c.GetProperty("steps").GetInt32()));
        Assert.Equal(cells.Count(c => c.GetProperty("steps").GetInt32() > 0), a.GetProperty("cellsReached").GetInt32());
        foreach (var c in cells)
        {
            var status = c.GetProperty("status").GetString();
            Assert.Contains(status, new[] { "held", "not-reached" });
            // Nothing is claimed where no step fired.
            if (c.GetProperty("steps").GetInt32() == 0) Assert.Equal(0, c.GetProperty("held").GetArrayLength());
        }
        Assert.All(a.GetProperty("properties").EnumerateArray(), p => Assert.True(p.GetProperty("held").GetBoolean(), p.GetProperty("checkId").GetString()));
        Assert.Equal(5, a.GetProperty("properties").GetArrayLength());

        // The cost is wall-clock: timings.json carries it, so that evidence.json is the same for the same command.
        using var timings = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "timings.json")));
        Assert.False(a.TryGetProperty("cost", out _));
        var cost = timings.RootElement.GetProperty("attackCost");
        Assert.Equal(12 * perEmbodiment, cost.GetProperty("honestCases").GetInt32());
        Assert.True(cost.GetProperty("attackedSeconds").GetDouble() > 0 && cost.GetProperty("honestSeconds").GetDouble() > 0);
        Assert.True(cost.GetProperty("ratio").GetDouble() > 0);
    }
}
