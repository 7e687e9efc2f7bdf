using MultiWallet.Checks.Sut;
using MultiWallet.Model.Vocabulary;
using Xunit;

namespace MultiWallet.Tests.Campaign;

/// <summary>
/// Which generated cases a system under test can be judged on (<see cref="SutSession.NotRunnable"/>, docs/DECISIONS.md
/// "Positions inside the SUT are not run"): against the PC every E1–E6 case (its faults are applied where our parties
/// receive what it sends, its crash, re-inquiry and WUM installation are provisioning); against the master the positions
/// it sends on to a slave stay not run, named.
/// </summary>
public sealed class SutCoverageTests
{
    private static SutTarget Target(string role) => new([role], new Uri("http://127.0.0.1:7000/"), SutTarget.DefaultTimeout);

    [Fact]
    public void Every_E1_to_E6_case_of_the_default_seed_runs_against_a_PC()
    {
        var target = Target("PC");
        var cases = SutCampaign.EmbodimentsOf(target).SelectMany(e => Checks.Invariants.Campaign.Generate(e, Checks.Catalog.CheckContext.DefaultSeed, 16)).ToList();
        Assert.Equal(96, cases.Count);
        // Not vacuous: the cases carry faults and crashes on what the PC sends, crashes of the PC and heals.
        Assert.Contains(cases, c => c.Steps.Any(s => s is Step.Fault { At: FaultPosition.PReq or FaultPosition.WalletStart or FaultPosition.WalletDeliver }));
        Assert.Contains(cases, c => c.Steps.Any(s => s is Step.Crash { Party: CrashParty.Pc }));
        Assert.Contains(cases, c => c.Steps.Any(s => s is Step.Heal));
        Assert.All(cases, c => Assert.Null(SutSession.NotRunnable(c.Steps, target)));
    }

    [Fact]
    public void A_fault_on_what_a_master_SUT_sends_to_a_slave_stays_not_run_and_named()
    {
        var why = SutSession.NotRunnable([new Step.Fault(FaultKind.Drop, FaultPosition.SlaveStart)], Target("MSW"));
        Assert.Equal("Fault(Drop, SlaveStart): the position is a message the SUT sends", why);
        Assert.Null(SutSession.NotRunnable([new Step.Fault(FaultKind.Drop, FaultPosition.SlaveStart)], Target("PC")));
    }
}
