using MultiWallet.Audit.Evidence;
using MultiWallet.Audit.Scenarios;
using MultiWallet.Checks.Catalog;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// A seeded fault's shrunk counterexample goes through the round trip: the fault check carries it as a scenario, the
/// evidence writer writes it as a scenario file, `check FILE` reproduces the failure (exit 1), `verify --replay FILE`
/// re-runs that one case (exit 1), and the same file without its `fault:` line passes in the faithful world (exit 0),
/// so the failure is the fault's and not the file's. One fault per embodiment family.
/// </summary>
public sealed class CounterexampleRoundTripTests : IDisposable
{
    private readonly string dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mw-cex-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() { if (Directory.Exists(dir)) Directory.Delete(dir, true); }

    [Theory]
    [InlineData("FAULT-E1-FIRST-WUM", "E1")]
    [InlineData("FAULT-E8-KEEPS-CREDENTIAL", "E8")]
    // Attack faults: the counterexample carries the attacker's position and steps (`attack:`), and is judged by the attack properties.
    [InlineData("FAULT-E1-GATEWAY-REAUTHORIZES-REPLAY", "E1")]
    [InlineData("FAULT-E8-MASTER-NEVER-ERASES", "E8")]
    public void A_seeded_faults_counterexample_round_trips(string faultId, string embodiment)
    {
        var entry = CheckCatalog.All.Single(e => e.Id == faultId);
        var outcome = entry.Run(CheckContext.ForTests(_ => { }));
        Assert.True(outcome.Passed, outcome.Message); // the fault was caught
        var cex = Assert.Single(outcome.Evidence.OfType<CounterexampleScenario>());
        Assert.Equal(faultId, cex.SeededFault);

        var path = Assert.Single(CounterexampleFiles.Write([cex], dir));
        Assert.Equal(Path.Combine(dir, CounterexampleFiles.Folder, $"{faultId}-{embodiment}.yaml"), path);
        var parsed = ScenarioFile.Load(path);
        Assert.Equal(faultId, parsed.SeededFault);
        // Brand sets compare by reference in the records: compare their printed forms (the counterexample's own text).
        Assert.Equal(Checks.Bridge.ConformanceRunner.Describe(cex.Topology, cex.Script, cex.Steps), Checks.Bridge.ConformanceRunner.Describe(parsed.Topology, parsed.User, parsed.Steps));
        Assert.Equal(cex.Attack?.ToString(), parsed.Attack?.ToString());
        var isAttack = Checks.Faults.AttackFaults.All.Any(f => f.Id == faultId);
        Assert.Equal(isAttack, parsed.Attack is not null);

        var check = AuditTester.Run("check", path);
        Assert.True(check.ExitCode == 1, check.Output);
        if (isAttack) Assert.Contains("attacker at", check.Output);
        var replay = AuditTester.Run("verify", "--replay", path);
        Assert.True(replay.ExitCode == 1, replay.Output);
        Assert.Contains("the case fails", replay.Output);

        var faithful = Path.Combine(dir, "faithful.yaml");
        File.WriteAllLines(faithful, File.ReadAllLines(path).Where(l => !l.StartsWith("fault: ", StringComparison.Ordinal)));
        var honest = AuditTester.Run("check", faithful);
        Assert.True(honest.ExitCode == 0, honest.Output);
    }

    /// <summary>
    /// Every generated attacked scenario (whatever a shrunk attack counterexample can be) is written with its `attack:` block
    /// and read back to the same scenario and attack.
    /// </summary>
    [Fact]
    public void Every_generated_attacked_scenario_is_written_as_a_file_the_parser_reads_back()
    {
        foreach (var e in Checks.Invariants.Campaign.All)
            foreach (var g in Checks.Attacks.AttackCampaign.Generate(e, CheckContext.DefaultSeed, 40))
            {
                var text = ScenarioWriter.Write(g.Scenario.Topology, g.Scenario.Script, g.Scenario.Steps, "attacked", attack: g.Attack);
                ScenarioDocument back;
                try { back = ScenarioFile.Parse(text, "attacked.yaml"); }
                catch (ScenarioException x) { throw new Xunit.Sdk.XunitException($"{x.Message}\n{text}"); }
                Assert.Equal(g.Scenario.ToString(), Checks.Bridge.ConformanceRunner.Describe(back.Topology, back.User, back.Steps));
                Assert.Equal(g.Attack.ToString(), back.Attack!.ToString());
                Assert.Equal(g.Attack.Events, back.Attack.Events);
            }
    }

    /// <summary>
    /// Every generated scenario (whatever a shrunk counterexample can be) survives writing and parsing: the file reads
    /// back to the same topology, answers and steps, within the parser's rules and limits.
    /// </summary>
    [Fact]
    public void Every_generated_scenario_is_written_as_a_file_the_parser_reads_back()
    {
        foreach (var e in Checks.Invariants.Campaign.All)
            foreach (var g in Checks.Invariants.Campaign.Generate(e, CheckContext.DefaultSeed, 40))
            {
                var text = ScenarioWriter.Write(g.Topology, g.Script, g.Steps, "generated \"case\"");
                ScenarioDocument back;
                try { back = ScenarioFile.Parse(text, "generated.yaml"); }
                catch (ScenarioException x) { throw new Xunit.Sdk.XunitException($"{x.Message}\n{text}"); }
                Assert.Equal(g.ToString(), Checks.Bridge.ConformanceRunner.Describe(back.Topology, back.User, back.Steps));
            }
    }
}
