using MultiWallet.Audit.Evidence;
using MultiWallet.Checks.Catalog;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// The evidence's exhaustive section claims "all cases within bound B" only when every case of the bound ran, says an
/// invariant was violated when the check failed, and keeps the run's wall-clock time out of evidence.json.
/// </summary>
public sealed class ExhaustiveRecordTests
{
    private static CheckRecord Check(bool passed, long cases, long run) => new(
        "EXHAUSTIVE-SMALL-SCOPE", "t", "property", ["INV-CONFORM"], [], (int)run, passed, "m", null, null,
        new Dictionary<string, int>(), 1.0, new Dictionary<string, string>(),
        [new ExhaustiveEvidence("full: B", 7, cases, run, 12.5, [new ExhaustiveEmbodiment("E1", cases, cases, run, 12.5)], [])]);

    [Fact]
    public void All_cases_run_and_passed_claims_the_whole_bound()
    {
        var x = ExhaustiveRecord.From([Check(true, 10, 10)])!;
        Assert.True(x.Full);
        Assert.Equal("all 10 cases within bound B were checked and every invariant held (B: full: B)", x.Statement);
        Assert.Equal(12.5, x.Seconds);
        Assert.All(x.Embodiments, e => Assert.Equal(0, e.Seconds)); // the time goes to timings.json only
        Assert.DoesNotContain("12.5", System.Text.Json.JsonSerializer.Serialize(x));
    }

    [Fact]
    public void A_partial_run_or_a_failure_never_claims_the_bound_held()
    {
        Assert.Equal("7 of the 10 cases within bound B were checked (B: full: B)", ExhaustiveRecord.From([Check(true, 10, 7)])!.Statement);
        Assert.Contains("an invariant was violated", ExhaustiveRecord.From([Check(false, 10, 10)])!.Statement);
        Assert.Null(ExhaustiveRecord.From([]));
    }
}
