using System.Text.Json;
using MultiWallet.Audit.Scenarios;
using MultiWallet.Checks.Catalog;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>The `check` verb: every file in scenarios/ is a catalog check; bad files are usage errors naming field and line.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mw-check-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() { if (Directory.Exists(dir)) Directory.Delete(dir, true); }

    /// <summary>The repository's scenarios/ folder, found upwards from the test binary.</summary>
    public static string ScenariosDir()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Verification.sln"))) return Path.Combine(d.FullName, "scenarios");
        throw new DirectoryNotFoundException("no Verification.sln above " + AppContext.BaseDirectory);
    }

    /// <summary>Every scenario file name in scenarios/, in the order E1, E2, ..., E12.</summary>
    public static TheoryData<string> ScenarioFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(ScenariosDir(), "*.yaml").Select(Path.GetFileName).Order(NaturalOrder.Instance)) data.Add(f!);
        return data;
    }

    [Fact]
    public void There_is_one_scenario_per_embodiment()
    {
        var names = Directory.GetFiles(ScenariosDir(), "*.yaml").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        foreach (var e in Enumerable.Range(1, 12)) Assert.Contains($"E{e}", names);
        foreach (var e in Enumerable.Range(1, 12))
            Assert.Equal($"E{e}", ScenarioFile.Load(Path.Combine(ScenariosDir(), $"E{e}.yaml")).Topology.Embodiment.ToString());
    }

    /// <summary>
    /// Every file under scenarios/ is a catalog check SCENARIO-&lt;stem&gt; (which runs it as `check` does), embedded in the
    /// catalog, citing its embodiment; none is left out and none is extra.
    /// </summary>
    [Fact]
    public void Every_scenario_file_is_a_catalog_check()
    {
        var files = Directory.GetFiles(ScenariosDir(), "*.yaml").Select(f => ScenarioFileChecks.IdOf(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList();
        var checks = CheckCatalog.All.Where(c => c.Id.StartsWith("SCENARIO-", StringComparison.Ordinal)).ToList();
        Assert.Equal(files, checks.Select(c => c.Id).Order(StringComparer.Ordinal));
        foreach (var c in checks)
        {
            Assert.Equal(CheckKind.Example, c.Meta.Kind);
            Assert.Single(c.Meta.Exercised);
            Assert.Contains(c.Meta.Exercised[0].ToString(), c.Meta.Requirements);
        }
        // Derived from the file: an attacked file is judged by the attack properties, not against the model; the ids a
        // file lists under requirements: are cited too.
        var attacked = checks.Single(c => c.Id == "SCENARIO-E1-REPLAYED-AUTHREQ").Meta.Requirements;
        Assert.Contains("INV-AGREEMENT", attacked);
        Assert.DoesNotContain("INV-CONFORM", attacked);
        Assert.Contains("INV-LIVE", checks.Single(c => c.Id == "SCENARIO-E3-CHANGED-TABLE").Meta.Requirements);
        Assert.Contains("INV-OFFER", checks.Single(c => c.Id == "SCENARIO-E9").Meta.Requirements);
    }

    private string Write(string name, string text)
    {
        var p = Path.Combine(dir, name);
        File.WriteAllText(p, text);
        return p;
    }

    [Theory]
    [InlineData("unknown-key.yaml", "embodiment: E3\nwallets:\n  - {name: SW-1, held: [BrandA]}\n  - {name: SW-2, held: [BrandB], colour: red}\nsteps:\n  - wakeUp: {order: O-1, brand: BrandA}\n",
        ":4: wallets[1].colour: unknown key 'colour'")]
    [InlineData("unknown-brand.yaml", "embodiment: E3\nwallets:\n  - name: SW-1\n    held: [BrandA]\n  - name: SW-2\n    held: [BrandB, BrandZ]\nsteps:\n  - wakeUp: {order: O-1, brand: BrandA}\n",
        ":6: wallets[1].held[1]: unknown brand 'BrandZ'")]
    [InlineData("no-embodiment.yaml", "wallets:\n  - {name: SW-1, held: [BrandA]}\nsteps:\n  - wakeUp: {order: O-1, brand: BrandA}\n",
        ":1: embodiment: required field missing")]
    [InlineData("syntax.yaml", "embodiment: E3\nwallets:\n  - name: SW-1\n   held: [BrandA]\nsteps: []\n",
        ":4: YAML error")]
    [InlineData("unknown-requirement.yaml", "embodiment: E3\nrequirements: [INV-NOPE]\nwallets:\n  - {name: SW-1, held: [BrandA]}\nsteps:\n  - wakeUp: {order: O-1, brand: BrandA}\n",
        ":2: requirements[0]: unknown requirement id 'INV-NOPE'")]
    [InlineData("unclosed.yaml", "embodiment: E3\nwallets:\n  - {name: SW-1, held: [BrandA\n",
        ": YAML error")]
    [InlineData("step-key.yaml", "embodiment: E7\nwallets:\n  - {name: SSW-1, held: [BrandB]}\nsteps:\n  - wakeUp: {order: O-1, brand: BrandB}\n  - wakeUp: {order: O-2, brand: BrandB, amont: 5}\n",
        ":6: steps[1].wakeUp.amont: unknown key 'amont'")]
    [InlineData("wrong-knowledge.yaml", "embodiment: E5\nwallets:\n  - {name: SW-1, held: [BrandA]}\nknowledge:\n  selectorTable: {SW-1: [BrandA]}\nsteps:\n  - wakeUp: {order: O-1, brand: BrandA}\n",
        ":5: knowledge.selectorTable: not read in E5")]
    [InlineData("replay-first.yaml", "embodiment: E5\nwallets:\n  - {name: SW-1, held: [BrandA]}\nsteps:\n  - replay: O-9\n",
        ":5: steps[0].replay: order 'SHOP-1/O-9' was never woken up")]
    public void Bad_file_exits_2_naming_field_and_line(string name, string text, string expected)
    {
        var path = Write(name, text);
        var tables = AuditTester.Run("check", path);
        Assert.Equal(2, tables.ExitCode);
        Assert.Contains(expected, tables.Output);
        var json = AuditTester.Run("check", path, "--json");
        Assert.Equal(2, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Output);
        Assert.Contains(expected, doc.RootElement.GetProperty("error").GetString());
        var e = Assert.Throws<ScenarioException>(() => ScenarioFile.Load(path));
        Assert.StartsWith(path, e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Missing_file_and_missing_argument_exit_2()
    {
        Assert.Equal(2, AuditTester.Run("check", Path.Combine(dir, "nope.yaml")).ExitCode);
        Assert.Equal(2, AuditTester.Run("check").ExitCode);
    }

    [Fact]
    public void Parsed_into_the_model_vocabulary()
    {
        var s = ScenarioFile.Load(Path.Combine(ScenariosDir(), "E10.yaml"));
        Assert.Equal("MSW", s.Topology.Master!.Name);
        Assert.Equal("ssw://SSW-1", s.User.Answers[0].Given);
        Assert.IsType<Model.Vocabulary.Step.WakeUp>(s.Steps[0]);
    }
}
