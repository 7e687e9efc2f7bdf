using System.Text.Json;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// `expect:` holds both sides to the auditor's reading: an expectation that contradicts model and implementation alike
/// (they agree with each other) makes `check` exit 1 and name the field, the line, and both sides' values.
/// </summary>
public sealed class ExpectationTests : IDisposable
{
    private readonly TempFolder temp = new("mw-expect");

    public void Dispose() => temp.Dispose();

    private string Write(string name, string text) => temp.Write(name, text);

    /// <summary>E3.yaml with one expectation turned into a shared misreading: the lying table's BrandC paid by SW-1.</summary>
    [Fact]
    public void An_expectation_contradicting_both_sides_exits_1_naming_it()
    {
        var text = File.ReadAllText(Path.Combine(CheckCommandTests.ScenariosDir(), "E3.yaml"));
        const string honest = "expect: {outcome: BrandNotHeld, wallet: SW-1, routedTo: [SW-1], pInitReq: false, authorizations: 0}";
        Assert.Contains(honest, text);
        var path = Write("E3-misread.yaml", text.Replace(honest, "expect: {outcome: Paid, wallet: SW-1, routedTo: [SW-1], pInitReq: false, authorizations: 0}"));
        var line = text[..text.IndexOf(honest, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var tables = AuditTester.Run("check", path);
        Assert.Equal(1, tables.ExitCode);
        Assert.Contains($"expectation failed: {path}:{line}: step 2 outcome: expected Paid, model BrandNotHeld, implementation BrandNotHeld", tables.Output);
        Assert.Contains("MODEL AND IMPLEMENTATION AGREE, BUT AN EXPECTATION FAILED", tables.Output);

        var json = AuditTester.Run("check", path, "--json");
        Assert.Equal(1, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Output);
        Assert.True(doc.RootElement.GetProperty("agree").GetBoolean());
        Assert.False(doc.RootElement.GetProperty("expectationsHold").GetBoolean());
        var failed = doc.RootElement.GetProperty("wakeUps")[2].GetProperty("expectations").EnumerateArray().Where(x => !x.GetProperty("holds").GetBoolean()).ToList();
        var only = Assert.Single(failed);
        Assert.Equal("outcome", only.GetProperty("field").GetString());
    }

    /// <summary>The state fact (authorizations) is checked on the implementation: a wrong count fails even though the model states none.</summary>
    [Fact]
    public void A_wrong_authorization_count_exits_1()
    {
        var path = Write("auth.yaml", "embodiment: E3\nwallets:\n  - {name: SW-1, held: [BrandA]}\nknowledge:\n  selectorTable: {SW-1: [BrandA]}\nsteps:\n  - wakeUp: {order: ORD-1, brand: BrandA, expect: {outcome: Paid, authorizations: 2}}\n");
        var r = AuditTester.Run("check", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("step 0 authorizations: expected 2, model (not stated), implementation 1", r.Output);
    }

    /// <summary>An answer bound to a wake-up that does not ask is not silently handed to a later one: exit 1 naming the step.</summary>
    [Fact]
    public void An_answer_bound_to_a_wake_up_that_does_not_ask_exits_1()
    {
        var path = Write("bound.yaml", "embodiment: E9\nmaster: {held: [BrandA]}\nwallets:\n  - {name: SSW-1, held: [BrandB]}\nknowledge:\n  masterSswInfo: [SSW-1]\n" +
            "steps:\n  - wakeUp: {order: ORD-1, brand: BrandA, answers: [pick: SSW-1]}\n  - wakeUp: {order: ORD-2, brand: BrandB}\n");
        var r = AuditTester.Run("check", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("step 0 answers: expected 1, model 0, implementation 0", r.Output);
        Assert.Contains("step 1 answers: expected 0, model 1, implementation 1", r.Output);
        // Each names the line its wake-up starts on.
        Assert.Contains("bound.yaml:8: step 0 answers", r.Output);
        Assert.Contains("bound.yaml:9: step 1 answers", r.Output);
    }

    /// <summary>A fault step from a file reaches the bounded wait: the world's time of that wake-up shows it, the next one (fault gone) none.</summary>
    [Fact]
    public void A_delayed_answer_shows_the_bounded_wait_in_world_time()
    {
        var r = AuditTester.Run("check", Path.Combine(CheckCommandTests.ScenariosDir(), "E5-slow-wallet.yaml"), "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Output);
        var wakeUps = doc.RootElement.GetProperty("wakeUps");
        Assert.True(wakeUps[0].GetProperty("time").GetProperty("elapsedMs").GetDouble() > 0);
        Assert.Equal(0, wakeUps[1].GetProperty("time").GetProperty("elapsedMs").GetDouble());
        Assert.Equal("Fault(Delay, BrandQuery)", doc.RootElement.GetProperty("setup")[0].GetProperty("input").GetString());
    }
}
