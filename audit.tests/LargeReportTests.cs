using MultiWallet.Audit.Evidence;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// A report larger than a mebibyte is written whole: the default run's report passed that size, and the templating
/// library's default string limit cut it before its last rows and its scripts (no diagram drew).
/// </summary>
public sealed class LargeReportTests : IDisposable
{
    private readonly string outDir = Path.Combine(Path.GetTempPath(), "mw-report-large-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        AuditApp.ExtraAssemblies = [];
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
    }

    [Fact]
    public void A_report_over_a_mebibyte_keeps_its_last_rows_and_its_scripts()
    {
        AuditApp.ExtraAssemblies = [typeof(SampleChecks).Assembly];
        var run = AuditTester.Run("verify", "--cases", "2", "--seed", "7", "--out", outDir, "--only", "AUDIT-SAMPLE-LARGE,CATALOG-WELLFORMED");
        Assert.Equal(0, run.ExitCode);
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains(":end of the large message", html, StringComparison.Ordinal);
        Assert.Contains("<script type=\"application/octet-stream\" id=\"mermaid-gz\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain(HtmlReportWriter.ScriptPlaceholder, html, StringComparison.Ordinal);
        Assert.EndsWith("</html>", html.TrimEnd(), StringComparison.Ordinal);
    }
}
