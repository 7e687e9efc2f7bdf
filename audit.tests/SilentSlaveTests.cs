using System.Text.Json;
using Spectre.Console.Cli.Testing;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// A slave or custodian behind the master that accepts and never answers (DECISIONS.md, "A wallet that accepts but never
/// answers", S4): the master's attempts outlast the PC's wait for it, so it answers the PC's repeat <c>Wallet.Working</c>
/// and the PC keeps waiting. The figures below follow from the hop table (T = 5 s): a slave attempt waits 2 T, a custody
/// attempt T, three attempts each; the PC's first wait is 3 T, then a Working every 2.5 T while the master works.
/// </summary>
public sealed class SilentSlaveTests : IDisposable
{
    private readonly TempFolder temp = new("mw-silent-slave");

    public void Dispose() => temp.Dispose();

    private static JsonElement WakeUps(CommandAppResult r)
    {
        Assert.Equal(0, r.ExitCode);
        return JsonDocument.Parse(r.Output).RootElement.Clone().GetProperty("wakeUps");
    }

    private static CommandAppResult Check(string file) => AuditTester.Run("check", Path.Combine(CheckCommandTests.ScenariosDir(), file), "--json");

    private static long Elapsed(JsonElement wake) => wake.GetProperty("time").GetProperty("elapsedMs").GetInt64();

    private static int Lines(JsonElement wake, string text) => wake.GetProperty("trace").EnumerateArray().Count(e => e.GetString()!.Contains(text, StringComparison.Ordinal));

    /// <summary>
    /// E7: SSW-1 costs 3 × 2 T = 30 s, then SSW-2 pays at once. The PC's first wait ends at 15 s; its repeat hears Working
    /// at 15 + 12.5 s; the next repeat gets the reply at 30 s. Both slaves silent: 60 s, Working at 27.5, 40 and 52.5 s.
    /// </summary>
    [Fact]
    public void E7_the_master_keeps_the_PC_waiting_while_it_skips_the_silent_slave()
    {
        var wakes = WakeUps(Check("E7-silent-slave.yaml"));
        Assert.Equal(30_000, Elapsed(wakes[0]));
        Assert.Equal(1, Lines(wakes[0], "Wallet.Working"));
        Assert.Equal(60_000, Elapsed(wakes[1]));
        Assert.Equal(3, Lines(wakes[1], "Wallet.Working"));
        Assert.Equal(0, Lines(wakes[2], "Wallet.Working"));
        Assert.Equal(0, Elapsed(wakes[2]));
    }

    /// <summary>E8: the silent custodian costs 3 custody attempts × T = 15 s; SSW-2 releases, the master pays and erases.</summary>
    [Fact]
    public void E8_a_silent_custodian_is_skipped()
    {
        var wakes = WakeUps(Check("E8-silent-custodian.yaml"));
        Assert.Equal(15_000, Elapsed(wakes[0]));
        Assert.Equal(1, Lines(wakes[0], "CredentialErased"));
    }

    /// <summary>E9 and E12: the user is asked once, the pick is WalletUnreachable after the master's 30 s, never the MSW.</summary>
    [Theory]
    [InlineData("E9-silent-slave.yaml")]
    [InlineData("E12-silent-slave.yaml")]
    public void A_silent_pick_is_unreachable_and_the_user_is_asked_once(string file)
    {
        var wakes = WakeUps(Check(file));
        Assert.Equal(30_000, Elapsed(wakes[0]));
        Assert.Equal(1, Lines(wakes[0], "* MSW  Offered"));
        Assert.Equal(1, Lines(wakes[0], "Wallet.Working"));
        Assert.Contains(wakes[0].GetProperty("trace").EnumerateArray(), e => e.GetString()!.Contains("WalletUnreachable", StringComparison.Ordinal) && e.GetString()!.Contains("SSW-1", StringComparison.Ordinal));
    }

    /// <summary>Without SSW-1's silence the user's pick pays: the file's WalletUnreachable fails (exit 1), so the file can fail.</summary>
    [Fact]
    public void Without_the_silent_slave_the_expectation_fails()
    {
        var text = File.ReadAllText(Path.Combine(CheckCommandTests.ScenariosDir(), "E9-silent-slave.yaml"));
        const string silent = ", silent: true}";
        Assert.Contains(silent, text);
        var r = AuditTester.Run("check", temp.Write("answering.yaml", text.Replace(silent, "}")));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("step 0 outcome: expected WalletUnreachable, model Paid, implementation Paid", r.Output);
    }
}
