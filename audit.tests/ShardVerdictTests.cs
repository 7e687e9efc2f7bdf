using MultiWallet.Audit.Sharding;
using MultiWallet.Audit.Verdicts;
using MultiWallet.Checks.Catalog;
using MultiWallet.Model.Vocabulary;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>A shard's verdicts claim nothing, and <see cref="ShardSpec"/> deals every case and check to exactly one shard.</summary>
public sealed class ShardVerdictTests
{
    private static readonly CheckAttribute[] Catalog =
    [
        new("EX-E2") { Kind = CheckKind.Example, Requirements = ["INV-OFFER"], Embodiments = [Embodiment.E2] },
        new("EX-OFFER") { Kind = CheckKind.Example, Requirements = ["INV-OFFER"] },
    ];

    [Fact]
    public void A_slice_whose_backing_checks_all_passed_at_the_full_budget_is_not_assessed()
    {
        var ran = new Dictionary<string, CheckOutcome> { ["EX-E2"] = CheckOutcome.Pass("ok"), ["EX-OFFER"] = CheckOutcome.Pass("ok") };
        Assert.Equal(VerdictStatus.Conforms, VerdictModel.Compute(Catalog, ran, 1000)["INV-OFFER"].Status);
        var slice = VerdictModel.Compute(Catalog, ran, 1000, slice: "--shard 2/3")["INV-OFFER"];
        Assert.Equal(VerdictStatus.NotAssessed, slice.Status);
        Assert.Contains("--shard 2/3", slice.Reason, StringComparison.Ordinal);
        // A failure is still a failure in a slice.
        ran["EX-OFFER"] = CheckOutcome.Fail("broken");
        Assert.Equal(VerdictStatus.Fails, VerdictModel.Compute(Catalog, ran, 1000, slice: "--shard 2/3")["INV-OFFER"].Status);
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(3, 7)]
    [InlineData(4, 1)]
    [InlineData(5, 13)]
    public void Every_campaign_case_and_every_check_position_belongs_to_exactly_one_shard(int n, int budget)
    {
        var shards = Enumerable.Range(1, n).Select(k => new ShardSpec(k, n)).ToList();
        foreach (var e in Enum.GetValues<Embodiment>())
            for (var i = 0; i < budget; i++)
                Assert.Equal(1, shards.Count(s => s.OwnsCase(e, i, budget)));
        for (var p = 0; p < 20; p++) Assert.Equal(1, shards.Count(s => s.OwnsCheck(p)));
        // Round-robin over the whole campaign: shard sizes differ by at most one case.
        var sizes = shards.Select(s => Enum.GetValues<Embodiment>().Sum(e => Enumerable.Range(0, budget).Count(i => s.OwnsCase(e, i, budget)))).ToList();
        Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(",", sizes));
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("3")]
    [InlineData("a/b")]
    [InlineData("1/0")]
    [InlineData("-1/3")]
    public void A_bad_shard_is_refused_naming_it(string text)
    {
        Assert.Null(ShardSpec.Parse(text, out var error));
        Assert.Contains(text, error, StringComparison.Ordinal);
    }
}
