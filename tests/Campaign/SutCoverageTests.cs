using MultiWallet.Checks.Sut;
using MultiWallet.Model.Vocabulary;
using Xunit;

namespace MultiWallet.Tests.Campaign;

/// <summary>
/// Which generated cases a system under test can be judged on (<see cref="SutSession.NotRunnable"/>, docs/DECISIONS.md
/// "Positions inside the SUT are not run"): against the PC every E1–E6 case (its faults are applied where our parties
/// receive what it sends, its crash, re-inquiry and WUM installation are provisioning); against the master every E7–E12
/// case likewise; against slaves a crash of a slave stays not run, named.
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
    public void Every_E7_to_E12_case_of_the_default_seed_runs_against_a_master()
    {
        var target = Target("MSW");
        var cases = SutCampaign.EmbodimentsOf(target).SelectMany(e => Checks.Invariants.Campaign.Generate(e, Checks.Catalog.CheckContext.DefaultSeed, 16)).ToList();
        Assert.Equal(96, cases.Count);
        // Not vacuous: the cases carry faults on what the master sends its slaves and a crash of the master.
        Assert.Contains(cases, c => c.Steps.Any(s => s is Step.Fault { At: FaultPosition.SlaveStart or FaultPosition.SlaveDeliver }));
        Assert.Contains(cases, c => c.Steps.Any(s => s is Step.Crash { Party: CrashParty.Wallet }));
        Assert.All(cases, c => Assert.Null(SutSession.NotRunnable(c.Steps, target)));
    }

    [Fact]
    public void Against_slaves_only_a_crash_of_a_slave_stays_not_run_and_named()
    {
        var slave = new Step.Crash(CrashParty.Slave, FaultPosition.SlaveStart);
        Assert.Equal($"{slave}: crashes a slave of the SUT (which of its slaves holds the purchase's session is inside it)", SutSession.NotRunnable([slave], Target("SSW")));
        // A custodian's crash names the custodian the custody request went to: its provisioning restart.
        Assert.Null(SutSession.NotRunnable([new Step.Crash(CrashParty.Custodian, FaultPosition.Custody)], Target("SSW")));
        Assert.Null(SutSession.NotRunnable([slave], Target("MSW")));
    }
}
