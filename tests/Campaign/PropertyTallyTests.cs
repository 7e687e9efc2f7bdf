using MultiWallet.Checks.Invariants;
using MultiWallet.Model.Vocabulary;
using Xunit;

namespace MultiWallet.Tests.Campaign;

/// <summary>
/// Tallies of disjoint cases merge to the same verdict whatever order the cases ran and merged in: counts add, the
/// first failure is the lowest case index, and the cases before it exclude inconclusive ones.
/// </summary>
public sealed class PropertyTallyTests
{
    private static readonly MultiWallet.Checks.Generators.GeneratedScenario Scenario = Checks.Invariants.Campaign.Generate(Embodiment.E1, 1, 1)[0];

    private static PropertyTally Tally(params (int Index, string? Violation, bool Inconclusive)[] cases)
    {
        var t = new PropertyTally(Embodiment.E1);
        foreach (var (i, v, inconclusive) in cases)
        {
            if (inconclusive) { t.AddInconclusive(i); continue; }
            t.Add(i, [i % 2 == 0 ? "even" : "odd"], v, () => new PropertyFailure(Embodiment.E1, i, v!, Scenario));
        }
        return t;
    }

    [Fact]
    public void Merging_in_either_order_gives_the_same_counts_classes_and_first_failure()
    {
        PropertyTally A() => Tally((0, null, false), (3, "late", false), (4, null, true));
        PropertyTally B() => Tally((1, null, true), (2, "early", false), (5, null, false));
        var ab = A(); ab.Merge(B());
        var ba = B(); ba.Merge(A());
        foreach (var t in new[] { ab, ba })
        {
            Assert.Equal(4, t.Cases);
            Assert.Equal(2, t.Inconclusive);
            Assert.Equal(2, t.Classes["even"]);
            Assert.Equal(2, t.Classes["odd"]);
            Assert.Equal(2, t.Failure!.Index);
            Assert.Equal("early", t.Failure.Violation);
            // cases 0 and 2 judged up to the failure; case 1 was inconclusive
            Assert.Equal(2, t.CasesToDetect);
        }
    }

    [Fact]
    public void A_tally_without_failure_detects_nothing_and_counts_every_judged_case()
    {
        var t = Tally((0, null, false), (1, null, false));
        Assert.Null(t.Failure);
        Assert.Equal(2, t.CasesToDetect);
    }

    [Fact]
    public void Tallies_of_different_embodiments_do_not_merge() =>
        Assert.Throws<ArgumentException>(() => new PropertyTally(Embodiment.E1).Merge(new PropertyTally(Embodiment.E2)));
}
