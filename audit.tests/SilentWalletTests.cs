using System.Text.Json;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// A wallet that accepts a connection but never answers (`silent:`, `setSilent:`): the sender's bounded wait is reached on
/// the world's virtual time, and both sides give the outcome of a wallet that does not answer (skipped while routing on
/// knowledge, WalletUnreachable when it is the only wallet the route allows).
/// </summary>
public sealed class SilentWalletTests : IDisposable
{
    private readonly TempFolder temp = new("mw-silent");

    public void Dispose() => temp.Dispose();

    private string Write(string name, string text) => temp.Write(name, text);

    /// <summary>
    /// The skip costs the PC → wallet hop's whole bounded wait, sent three times (3 × 3 T = 45 s of virtual time: DECISIONS.md,
    /// "Wallet-session and custody hops" S3 and the per-hop table); once SW-1 answers again no time passes.
    /// </summary>
    [Fact]
    public void The_bounded_wait_is_reached_on_the_worlds_time()
    {
        var r = AuditTester.Run("check", Path.Combine(CheckCommandTests.ScenariosDir(), "E3-silent-wallet.yaml"), "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Output);
        var wakeUps = doc.RootElement.GetProperty("wakeUps");
        Assert.Equal(45_000, wakeUps[0].GetProperty("time").GetProperty("elapsedMs").GetInt64());
        Assert.Equal(0, wakeUps[1].GetProperty("time").GetProperty("elapsedMs").GetInt64());
        Assert.Contains(wakeUps[0].GetProperty("trace").EnumerateArray(), e => e.GetString()!.Contains("Timeout", StringComparison.Ordinal));
    }

    /// <summary>Without the step that silences SW-1, both sides pay the user's pick: the file's WalletUnreachable fails (exit 1).</summary>
    [Fact]
    public void Without_the_silent_wallet_the_expectation_fails()
    {
        var text = File.ReadAllText(Path.Combine(CheckCommandTests.ScenariosDir(), "E2-silent-wallet.yaml"));
        const string step = "  - setSilent: {wallet: SW-1}\n";
        Assert.Contains(step, text);
        var r = AuditTester.Run("check", Write("answering.yaml", text.Replace(step, "")));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("step 0 outcome: expected WalletUnreachable, model Paid, implementation Paid", r.Output);
    }

    /// <summary>A silent step naming no wallet of the file, or a non-boolean, is refused with the field named.</summary>
    [Theory]
    [InlineData("  - setSilent: {wallet: SW-9}", "steps[0].setSilent.wallet: unknown wallet 'SW-9'")]
    [InlineData("  - setSilent: {wallet: SW-1, silent: maybe}", "steps[0].setSilent.silent")]
    [InlineData("  - setSilent: {wallet: SW-1, down: true}", "steps[0].setSilent.down: unknown key 'down'")]
    public void Bad_silent_steps_exit_2(string step, string cause)
    {
        var path = Write("bad.yaml", $"embodiment: E2\nwallets:\n  - {{name: SW-1, held: [BrandA]}}\nsteps:\n{step}\n  - wakeUp: {{order: O1, brand: BrandA}}\n");
        var r = AuditTester.Run("check", path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(cause, r.Output);
    }
}
