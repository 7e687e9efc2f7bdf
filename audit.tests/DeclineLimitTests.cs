using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// The gateway's decline limit from a file (`gateway: {declineAbove: N}`): both sides predict Declined above it, Paid at it,
/// and the field is refused where the format cannot honour it.
/// </summary>
public sealed class DeclineLimitTests : IDisposable
{
    private readonly TempFolder temp = new("mw-decline");

    public void Dispose() => temp.Dispose();

    private string Write(string name, string text) => temp.Write(name, text);

    /// <summary>Without the limit both sides pay the large amount: the file's Declined expectation fails (exit 1).</summary>
    [Fact]
    public void Without_the_limit_the_declined_expectation_fails()
    {
        var text = File.ReadAllText(Path.Combine(CheckCommandTests.ScenariosDir(), "E3-decline-limit.yaml"));
        const string limit = "gateway: {declineAbove: 10000, declineAboveByBrand: {BrandB: 500}}\n";
        Assert.Contains(limit, text);
        Assert.Equal(0, AuditTester.Run("check", Write("as-written.yaml", text)).ExitCode);
        var r = AuditTester.Run("check", Write("no-limit.yaml", text.Replace(limit, "")));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("step 1 outcome: expected Declined, model Paid, implementation Paid", r.Output);
    }

    /// <summary>A negative or oversized limit, an unknown gateway key, or a fault before a wake-up above a limit is refused with the field named.</summary>
    [Theory]
    [InlineData("gateway: {declineAbove: -1}\n", "", "gateway.declineAbove")]
    [InlineData("gateway: {declineAbove: 2000000000}\n", "", "gateway.declineAbove")]
    [InlineData("gateway: {declineBelow: 5}\n", "", "gateway.declineBelow: unknown key")]
    [InlineData("gateway: {declineAboveByBrand: {BrandZ: 5}}\n", "", "unknown brand 'BrandZ'")]
    [InlineData("gateway: {declineAboveByBrand: {BrandA: -5}}\n", "", "gateway.declineAboveByBrand.BrandA")]
    [InlineData("gateway: {declineAbove: 5}\n", "  - fault: {kind: Drop, at: PReq}\n", "steps[1].wakeUp.amount: 1000 is above the limit 5")]
    public void Bad_gateway_fields_exit_2(string gateway, string before, string cause)
    {
        var path = Write("bad.yaml", $"embodiment: E3\nwallets:\n  - {{name: SW-1, held: [BrandA]}}\nknowledge:\n  selectorTable: {{SW-1: [BrandA]}}\n{gateway}steps:\n{before}  - wakeUp: {{order: O1, brand: BrandA}}\n");
        var r = AuditTester.Run("check", path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(cause, r.Output);
    }

    /// <summary>The writer's gateway line (counterexample files) reads back to the same limits.</summary>
    [Fact]
    public void Written_limits_read_back_equal()
    {
        var doc = MultiWallet.Audit.Scenarios.ScenarioFile.Load(Path.Combine(CheckCommandTests.ScenariosDir(), "E3-decline-limit.yaml"));
        var again = MultiWallet.Audit.Scenarios.ScenarioFile.Parse(MultiWallet.Audit.Scenarios.ScenarioWriter.Write(doc.Topology, doc.User, doc.Steps), "written.yaml");
        Assert.Equal(10_000, again.Topology.DeclineAbove);
        Assert.Equal(500, again.Topology.DeclineAboveByBrand[MultiWallet.Model.Vocabulary.Brand.BrandB]);
        Assert.Equal(500, again.Topology.DeclineLimit(MultiWallet.Model.Vocabulary.Brand.BrandB));
        Assert.Equal(10_000, again.Topology.DeclineLimit(MultiWallet.Model.Vocabulary.Brand.BrandA));
    }
}
