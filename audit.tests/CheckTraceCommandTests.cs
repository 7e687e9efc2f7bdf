using MultiWallet.Checks.Recorded;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// The `check-trace` verb: honest recorded traces exit 0, every defect of the corpus exits 1 naming its requirement and its
/// witness lines, a bad file exits 2 naming the line and the field; `verify` and `serve` write logs it accepts.
/// </summary>
public sealed class CheckTraceCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mw-trace-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() { if (Directory.Exists(dir)) Directory.Delete(dir, true); }

    private static string Corpus(string file) => Path.Combine(RecordedCorpus.Directory, file);

    [Theory]
    [InlineData("honest-E1.jsonl")]
    [InlineData("honest-E8.jsonl")]
    [InlineData("serve-E12.jsonl")]
    [InlineData("partial-E5.jsonl")]
    public void An_honest_trace_exits_0(string file)
    {
        var r = AuditTester.Run("check-trace", Corpus(file), "--all");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("every order conforms", r.Output);
        Assert.Contains("conforms case", r.Output);
    }

    [Theory]
    [InlineData("defect-wrong-route.jsonl", "INV-ROUTE-SOUND")]
    [InlineData("defect-second-authorization.jsonl", "INV-ONCE")]
    [InlineData("defect-credential-kept.jsonl", "INV-CUSTODY")]
    [InlineData("defect-offer-cannot-pay.jsonl", "INV-OFFER")]
    [InlineData("defect-dual-signature.jsonl", "INV-DUAL-SIG")]
    public void A_defect_exits_1_with_its_requirement_and_witness_lines(string file, string requirement)
    {
        var r = AuditTester.Run("check-trace", Corpus(file));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"DIVERGES {requirement}", r.Output);
        Assert.Matches(@"witness:\s+line \d+: WakeUp\(", r.Output);
        Assert.Contains("1 order(s) diverge", r.Output);
    }

    [Theory]
    [InlineData("{\"type\":\"wakeup\",\"index\":0,\"merchant\":\"SHOP-1\",\"lidM\":\"L1\",\"brand\":\"BrandA\"}", "line 1, field type", "before the first case header")]
    [InlineData("{\"type\":\"case\",\"id\":\"x\",\"wallets\":[]}", "line 1, field embodiment", "missing")]
    [InlineData("{\"type\":\"case\",\"id\":\"x\",\"embodiment\":\"E13\",\"wallets\":[]}", "line 1, field embodiment", "unknown value")]
    [InlineData("{\"type\":\"case\",\"id\":\"x\",\"embodiment\":\"E3\",\"wallets\":[]}\n{\"type\":", "line 2, field (line)", "not JSON")]
    [InlineData("{\"type\":\"case\",\"id\":\"x\",\"embodiment\":\"E3\",\"wallets\":[]}\n{\"type\":\"step\",\"index\":3,\"step\":\"Heal\"}", "line 2, field index", "step index 3 where 0")]
    [InlineData("{\"type\":\"case\",\"id\":\"x\",\"embodiment\":\"E3\",\"wallets\":[],\"observed\":[\"bodies\"]}", "line 1, field observed", "unknown")]
    [InlineData("{\"type\":\"case\",\"id\":\"x\",\"embodiment\":\"E3\",\"wallets\":[{\"name\":\"SW-1\",\"held\":\"BrandA\"}]}", "line 1, field held", "expected an array")]
    [InlineData("[1,2]", "line 1, field (line)", "expected a JSON object")]
    public void A_bad_file_exits_2_naming_line_and_field(string text, string where, string problem)
    {
        var file = Path.Combine(dir, "bad.jsonl");
        File.WriteAllText(file, text + "\n");
        var r = AuditTester.Run("check-trace", file);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(where, r.Output);
        Assert.Contains(problem, r.Output);
        Assert.DoesNotContain("   at ", r.Output);
    }

    [Fact]
    public void A_malformed_body_in_an_honest_file_exits_2()
    {
        var lines = RecordedCorpus.Read("honest-E11.jsonl").ToList();
        var i = lines.FindIndex(l => l.Contains("\"body\":\"", StringComparison.Ordinal));
        lines[i] = lines[i].Replace("\"body\":\"", "\"body\":\"%%", StringComparison.Ordinal);
        var file = Path.Combine(dir, "body.jsonl");
        File.WriteAllLines(file, lines);
        var r = AuditTester.Run("check-trace", file);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"line {i + 1}, field body: not base64", r.Output);
    }

    [Fact]
    public void A_log_whose_decisions_lack_detail_is_still_checked_on_its_messages()
    {
        // Routed decisions without the wallet: the decision side of those wake-ups is not compared (a note says so), the rest is.
        var lines = RecordedCorpus.Read("honest-E3.jsonl").Select(l => l.Contains("\"what\":\"Routed\"", StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.Replace(l, "\"detail\":\\{[^}]*\\},?", "") : l).ToList();
        var file = Path.Combine(dir, "no-detail.jsonl");
        File.WriteAllLines(file, lines);
        var r = AuditTester.Run("check-trace", file, "--all");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("not judged:", r.Output);
        Assert.Contains("Routed without \"wallet\"", r.Output);

        // Still checkable: an outcome moved to another wallet in the same log is caught by the model comparison.
        var i = lines.FindIndex(l => l.StartsWith("{\"type\":\"outcome\",\"outcome\":\"Paid\"", StringComparison.Ordinal));
        lines[i] = System.Text.RegularExpressions.Regex.Replace(lines[i], "\"wallet\":\"[^\"]*\"", "\"wallet\":\"SW-9\"");
        File.WriteAllLines(file, lines);
        var bad = AuditTester.Run("check-trace", file);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("DIVERGES", bad.Output);
        Assert.Contains($"line {i + 1}:", bad.Output);
    }

    [Fact]
    public void A_missing_file_exits_2() => Assert.Equal(2, AuditTester.Run("check-trace", Path.Combine(dir, "none.jsonl")).ExitCode);

    [Fact]
    public void Verify_writes_a_trace_log_check_trace_accepts()
    {
        var log = Path.Combine(dir, "campaign.jsonl");
        var v = AuditTester.Run("verify", "--cases", "3", "--only", "RECORDED-DEFECT-CREDENTIAL-KEPT", "--embodiment", "E8", "--out", Path.Combine(dir, "ev"), "--trace-log", log);
        Assert.Equal(0, v.ExitCode);
        Assert.Contains("3 generated case(s) written", v.Output);
        var r = AuditTester.Run("check-trace", log);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("3 case(s)", r.Output);
    }

    [Fact]
    public void Serve_writes_a_trace_log_check_trace_accepts()
    {
        var log = Path.Combine(dir, "serve.jsonl");
        Assert.Equal(0, AuditTester.Run("serve", "--embodiment", "E9", "--once", "--seed", "3", "--out", dir, "--trace-log", log).ExitCode);
        var r = AuditTester.Run("check-trace", log, "--all");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("conforms case serve-E9", r.Output);
    }
}
