using MultiWallet.Audit.Scenarios;
using MultiWallet.Model.Vocabulary;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// Routing knowledge that travels with a wake-up (E11/E12 `clientInfo:`) or is changed by a step (`setKnowledge:`): both sides
/// route on the knowledge in force at each wake-up, the parser accepts the fields only where an embodiment reads them, and
/// the writer's form reads back to the same steps.
/// </summary>
public sealed class KnowledgeStepTests : IDisposable
{
    private readonly TempFolder temp = new("mw-knowledge");

    public void Dispose() => temp.Dispose();

    private string Write(string name, string text) => temp.Write(name, text);

    /// <summary>
    /// Without the forged information of the second wake-up, both sides pay it at SSW-1 (the held information), so the file's
    /// BrandNotHeld expectation fails: the information sent with that one wake-up is what routed it to SSW-2.
    /// </summary>
    [Fact]
    public void The_information_sent_with_one_wake_up_decides_that_wake_up_only()
    {
        var text = File.ReadAllText(Path.Combine(CheckCommandTests.ScenariosDir(), "E11-per-wake-up-info.yaml"));
        const string forged = "clientInfo: {SSW-2: [BrandB]}, ";
        Assert.Contains(forged, text);
        Assert.Equal(0, AuditTester.Run("check", Write("as-written.yaml", text)).ExitCode);

        var r = AuditTester.Run("check", Write("not-forged.yaml", text.Replace(forged, "")));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("step 1 outcome: expected BrandNotHeld, model Paid, implementation Paid", r.Output);
    }

    /// <summary>Without the step that makes the table stale, both sides pay at SW-2 and the stale-table expectation fails.</summary>
    [Fact]
    public void A_set_knowledge_step_changes_routing_from_the_next_wake_up_on()
    {
        var text = File.ReadAllText(Path.Combine(CheckCommandTests.ScenariosDir(), "E3-changed-table.yaml"));
        const string stale = "  - setKnowledge: {SW-1: [BrandA, BrandB], SW-2: [BrandB]}\n";
        Assert.Contains(stale, text);
        var r = AuditTester.Run("check", Write("not-stale.yaml", text.Replace(stale, "")));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("step 1 outcome: expected BrandNotHeld, model Paid, implementation Paid", r.Output);
    }

    /// <summary>The fields are refused (exit 2, named) where no embodiment component reads them.</summary>
    [Theory]
    [InlineData("E3", "SW", "  - wakeUp: {order: O1, brand: BrandA, clientInfo: {SW-1: [BrandA]}}", "steps[0].wakeUp.clientInfo: not read in E3 (only in E11, E12)")]
    [InlineData("E4", "SW", "  - setKnowledge: {SW-1: [BrandA]}\n  - wakeUp: {order: O1, brand: BrandA}", "steps[0].setKnowledge: not read in E4")]
    [InlineData("E5", "SW", "  - setKnowledge: {SW-1: [BrandA]}\n  - wakeUp: {order: O1, brand: BrandA}", "steps[0].setKnowledge: not read in E5")]
    [InlineData("E11", "SSW", "  - wakeUp: {order: O1, brand: BrandA, clientInfo: [SSW-1]}", "steps[0].wakeUp.clientInfo: expected a mapping")]
    [InlineData("E12", "SSW", "  - setKnowledge: {SSW-1: [BrandA]}\n  - wakeUp: {order: O1, brand: BrandA}", "steps[0].setKnowledge: expected a list")]
    [InlineData("E11", "SSW", "  - wakeUp: {order: O1, brand: BrandA, clientInfo: {SSW-1: [BrandZ]}}", "unknown brand 'BrandZ'")]
    public void Knowledge_fields_where_nothing_reads_them_exit_2(string embodiment, string prefix, string steps, string cause)
    {
        var path = Write("bad.yaml", $"embodiment: {embodiment}\nwallets:\n  - {{name: {prefix}-1, held: [BrandA]}}\nsteps:\n{steps}\n");
        var r = AuditTester.Run("check", path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(cause, r.Output);
    }

    /// <summary>A file naming a seeded fault cannot change the knowledge: the fault's component keeps what it was built with.</summary>
    [Fact]
    public void Set_knowledge_with_a_seeded_fault_exits_2()
    {
        var path = Write("seeded.yaml", "embodiment: E3\nfault: FAULT-E3-IGNORES-BRAND\nwallets:\n  - {name: SW-1, held: [BrandA]}\nsteps:\n  - setKnowledge: {SW-1: [BrandA]}\n  - wakeUp: {order: O1, brand: BrandA}\n");
        var r = AuditTester.Run("check", path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("steps[0].setKnowledge: not with a seeded fault", r.Output);
    }

    /// <summary>The writer (counterexample files) writes both fields so that the parser reads back the same steps.</summary>
    [Fact]
    public void Written_knowledge_steps_read_back_equal()
    {
        var doc = ScenarioFile.Load(Path.Combine(CheckCommandTests.ScenariosDir(), "E11-per-wake-up-info.yaml"));
        var again = ScenarioFile.Parse(ScenarioWriter.Write(doc.Topology, doc.User, doc.Steps), "written.yaml");
        Assert.Equal(doc.Steps.Select(s => s.ToString()), again.Steps.Select(s => s.ToString()));
        Assert.Contains(again.Steps, s => s is Step.SetKnowledge);
        Assert.Contains(again.Steps, s => s is Step.WakeUp { ClientInfo: not null });
    }
}
