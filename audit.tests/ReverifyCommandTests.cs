using System.Text.Json;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>`reverify`: the ledger `verify` writes replays to its digests; a changed digest is named (exit 1); bad input is exit 2.</summary>
public sealed class ReverifyCommandTests : IDisposable
{
    private readonly string outDir = Path.Combine(Path.GetTempPath(), "mw-reverify-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
    }

    private string Ledger => Path.Combine(outDir, "cases.jsonl");

    private void VerifyTwoCasesPerEmbodiment() =>
        Assert.Equal(0, AuditTester.Run("verify", "--cases", "2", "--only", "PROP-INV-ONCE", "--out", outDir).ExitCode);

    [Fact]
    public void Verify_writes_one_ledger_line_per_case_and_the_campaign_phase()
    {
        VerifyTwoCasesPerEmbodiment();
        var lines = File.ReadAllLines(Ledger);
        Assert.Equal(1 + 12 * 2, lines.Length);
        using (var header = JsonDocument.Parse(lines[0]))
        {
            Assert.Equal(20000203, header.RootElement.GetProperty("seed").GetInt32());
            Assert.Equal(2, header.RootElement.GetProperty("cases").GetInt32());
        }
        using (var first = JsonDocument.Parse(lines[1]))
        {
            Assert.Equal("E1", first.RootElement.GetProperty("embodiment").GetString());
            Assert.Equal(0, first.RootElement.GetProperty("index").GetInt32());
            Assert.Equal(32, first.RootElement.GetProperty("digest").GetString()!.Length);
        }
        using var ev = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "evidence.json")));
        Assert.Equal("campaign", ev.RootElement.GetProperty("phases")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void Every_case_replays_to_its_digest_and_a_changed_one_is_named()
    {
        VerifyTwoCasesPerEmbodiment();
        var all = AuditTester.Run("reverify", outDir, "--sample", "100%", "--seed", "3");
        Assert.Equal(0, all.ExitCode);
        Assert.Contains("24 of 24 recorded cases (--sample 100% --seed 3)", all.Output);

        // Flip one hex digit of E5 case #1's recorded digest: that case, and only it, no longer matches.
        var lines = File.ReadAllLines(Ledger);
        var i = Array.FindIndex(lines, l => l.Contains("\"embodiment\":\"E5\",\"index\":1,"));
        var at = lines[i].IndexOf("\"digest\":\"", StringComparison.Ordinal) + 10;
        lines[i] = lines[i][..at] + (lines[i][at] == '0' ? '1' : '0') + lines[i][(at + 1)..];
        File.WriteAllLines(Ledger, lines);
        var changed = AuditTester.Run("reverify", outDir, "--sample", "100%", "--seed", "3");
        Assert.Equal(1, changed.ExitCode);
        Assert.Contains("MISMATCH E5 case #1", changed.Output);
        Assert.Single(changed.Output.Split('\n'), l => l.Contains("MISMATCH"));
    }

    [Fact]
    public void The_sample_is_fixed_by_its_seed()
    {
        var entries = Enumerable.Range(0, 100).Select(i => new Evidence.CaseLedgerEntry(MultiWallet.Model.Vocabulary.Embodiment.E1, i, "(1,2,3)", "00")).ToList();
        var a = Commands.ReverifyCommand.Draw(entries, 10, 42);
        Assert.Equal(10, a.Count);
        Assert.Equal(a, Commands.ReverifyCommand.Draw(entries, 10, 42));
        Assert.NotEqual(a, Commands.ReverifyCommand.Draw(entries, 10, 43));
        Assert.Single(Commands.ReverifyCommand.Draw(entries, 0.1, 42));
    }

    [Fact]
    public void Missing_ledger_and_bad_sample_are_usage_errors()
    {
        var missing = AuditTester.Run("reverify", outDir);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no case ledger", missing.Output);
        Assert.Equal(2, AuditTester.Run("reverify", outDir, "--sample", "0%").ExitCode);
        Assert.Equal(2, AuditTester.Run("reverify", outDir, "--sample", "ten").ExitCode);

        Directory.CreateDirectory(outDir);
        File.WriteAllText(Ledger, "{\"format\":\"something else\"}\n");
        var bad = AuditTester.Run("reverify", outDir);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("line 1", bad.Output);
    }
}
