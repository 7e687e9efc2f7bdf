using MultiWallet.Audit.Verdicts;
using MultiWallet.Checks.Catalog;
using MultiWallet.Model.Vocabulary;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>The verdict model on hand-made catalogs: conforms / not assessed / fails as docs/DECISIONS.md defines them.</summary>
public sealed class VerdictModelTests
{
    private static CheckAttribute Check(string id, CheckKind kind, string[] requirements, params Embodiment[] embodiments) =>
        new(id) { Kind = kind, Requirements = requirements, Embodiments = embodiments };

    // E2 backs C3 (SPEC.md section 2); one example cites E2, one generic property exercises every embodiment, one cites INV-OFFER.
    private static readonly CheckAttribute[] Catalog =
    [
        Check("EX-E2", CheckKind.Example, ["INV-OFFER"], Embodiment.E2),
        new("PROP-ALL") { Kind = CheckKind.Property, Requirements = ["INV-CONFORM"], AllEmbodiments = true },
        Check("EX-OFFER", CheckKind.Example, ["INV-OFFER"]),
    ];

    private static readonly CheckOutcome Pass = CheckOutcome.Pass("ok");

    private static Dictionary<string, CheckOutcome> All(CheckOutcome? prop = null) =>
        new() { ["EX-E2"] = Pass, ["PROP-ALL"] = prop ?? CheckOutcome.Pass("ok", 1000), ["EX-OFFER"] = Pass };

    [Fact]
    public void Every_backing_check_passing_at_the_full_budget_conforms()
    {
        var m = VerdictModel.Compute(Catalog, All(), 1000);
        Assert.Equal(VerdictStatus.Conforms, m["C3"].Status);
        Assert.Equal(VerdictStatus.Conforms, m["E2"].Status);
        Assert.Equal(VerdictStatus.Conforms, m["INV-OFFER"].Status);
    }

    [Fact]
    public void A_claim_lists_every_check_of_its_embodiments()
    {
        var m = VerdictModel.Compute(Catalog, All(), 1000);
        Assert.Equal(["EX-E2", "PROP-ALL"], m["C3"].Backing);
        Assert.Equal(["EX-E2", "EX-OFFER"], m["INV-OFFER"].Backing);
        Assert.Equal(["PROP-ALL"], m["E5"].Backing);
    }

    [Fact]
    public void A_requirement_no_check_backs_is_not_assessed_never_passed()
    {
        var m = VerdictModel.Compute([Check("EX-OFFER", CheckKind.Example, ["INV-OFFER"])], new Dictionary<string, CheckOutcome> { ["EX-OFFER"] = Pass }, 1000);
        Assert.Equal(VerdictStatus.NotAssessed, m["C1"].Status);
        Assert.Equal(VerdictStatus.NotAssessed, m["C9"].Status);
        Assert.Equal("no catalog check backs it", m["C9"].Reason);
    }

    [Fact]
    public void A_filter_leaves_the_requirements_of_the_checks_it_dropped_not_assessed_naming_them()
    {
        var ran = All();
        ran.Remove("EX-OFFER");
        var m = VerdictModel.Compute(Catalog, ran, 1000);
        Assert.Equal(VerdictStatus.NotAssessed, m["INV-OFFER"].Status);
        Assert.Equal(["EX-OFFER"], m["INV-OFFER"].NotRun);
        Assert.Equal(VerdictStatus.Conforms, m["C3"].Status);
    }

    [Fact]
    public void A_reduced_budget_decides_nothing_but_a_counterexample_fails_at_any_budget()
    {
        var reduced = VerdictModel.Compute(Catalog, All(CheckOutcome.Pass("ok", 16)), 16);
        Assert.Equal(VerdictStatus.NotAssessed, reduced["C3"].Status);
        Assert.Equal(["PROP-ALL"], reduced["C3"].Reduced);
        Assert.Equal(VerdictStatus.Conforms, reduced["INV-OFFER"].Status); // fixed examples do not depend on the budget

        var vacuous = VerdictModel.Compute(Catalog, All(CheckOutcome.Fail("vacuous: class(es) never generated: no capable wallet. ok", 2)), 2);
        Assert.Equal(VerdictStatus.NotAssessed, vacuous["C3"].Status);
        Assert.Equal(CheckStanding.ReducedInconclusive, vacuous.Check("PROP-ALL").Standing);

        var counterexample = VerdictModel.Compute(Catalog, All(CheckOutcome.Fail("routed to the wrong wallet", 2) with { Counterexample = "SW1:[A]" }), 2);
        Assert.Equal(VerdictStatus.Fails, counterexample["C3"].Status);
        Assert.Equal(["PROP-ALL"], counterexample["C3"].Failing);

        var vacuousAtFull = VerdictModel.Compute(Catalog, All(CheckOutcome.Fail("vacuous: class(es) never generated: x", 1000)), 1000);
        Assert.Equal(VerdictStatus.Fails, vacuousAtFull["E7"].Status);
    }

    [Fact]
    public void A_failing_example_fails_only_what_it_backs()
    {
        var ran = All();
        ran["EX-OFFER"] = CheckOutcome.Fail("offered a wallet that cannot pay");
        var m = VerdictModel.Compute(Catalog, ran, 1000);
        Assert.Equal(VerdictStatus.Fails, m["INV-OFFER"].Status);
        Assert.Equal(["EX-OFFER"], m["INV-OFFER"].Failing);
        Assert.Equal(VerdictStatus.Conforms, m["C3"].Status);
    }

    [Fact]
    public void An_inconclusive_check_leaves_its_requirements_not_assessed()
    {
        var ran = All();
        ran["EX-E2"] = CheckOutcome.InconclusiveEnvironment("no answer within 30 s");
        var m = VerdictModel.Compute(Catalog, ran, 1000);
        Assert.Equal(VerdictStatus.NotAssessed, m["E2"].Status);
        Assert.Equal(["EX-E2"], m["E2"].Inconclusive);
    }

    [Fact]
    public void On_the_real_catalog_every_claim_is_backed_through_its_embodiments()
    {
        var catalog = CheckCatalog.All.Select(e => e.Meta).ToList();
        foreach (var (claim, embodiments) in Requirements.ClaimEmbodiments)
        {
            var backing = Attribution.Backing(claim, catalog);
            Assert.NotEmpty(backing);
            foreach (var e in embodiments) Assert.Superset(Attribution.Backing(e, catalog).ToHashSet(), backing.ToHashSet());
        }
    }
}
