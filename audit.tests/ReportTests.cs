using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MultiWallet.Audit.Evidence;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// report.html as a reader gets it: failures first with their replay command, every check id a working link, statuses
/// as words, ids in natural order, no raw Mermaid without JavaScript, and the vendored mermaid inlined intact but inert.
/// </summary>
public sealed class ReportTests : IDisposable
{
    private readonly string outDir = Path.Combine(Path.GetTempPath(), "mw-report-" + Guid.NewGuid().ToString("N"));
    private readonly string html;

    public ReportTests()
    {
        AuditApp.ExtraAssemblies = [typeof(SampleChecks).Assembly];
        var run = AuditTester.Run("verify", "--cases", "2", "--seed", "7", "--out", outDir,
            "--only", "AUDIT-SAMPLE-TRACE,AUDIT-SAMPLE-MODEL,AUDIT-SAMPLE-FAILS,AUDIT-SAMPLE-INCONCLUSIVE,CATALOG-WELLFORMED");
        Assert.Equal(1, run.ExitCode);
        html = File.ReadAllText(Path.Combine(outDir, "report.html"));
    }

    public void Dispose()
    {
        AuditApp.ExtraAssemblies = [];
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
    }

    /// <summary>The page as a browser without JavaScript shows it: scripts and templates have no visible content.</summary>
    private string WithoutJavaScript() =>
        Regex.Replace(Regex.Replace(html, "<script\\b.*?</script>", "", RegexOptions.Singleline), "<template\\b.*?</template>", "", RegexOptions.Singleline);

    [Fact]
    public void Failures_come_first_with_message_and_replay_then_the_inconclusive()
    {
        var attention = html.IndexOf("id=\"attention\"", StringComparison.Ordinal);
        var matrix = html.IndexOf("id=\"matrix\"", StringComparison.Ordinal);
        Assert.InRange(attention, 0, matrix);
        var top = WebUtility.HtmlDecode(html[attention..matrix]);
        var failing = top.IndexOf("Failing checks (1)", StringComparison.Ordinal);
        var inconclusive = top.IndexOf("Inconclusive checks (1)", StringComparison.Ordinal);
        var unassessed = top.IndexOf("Not assessed (", StringComparison.Ordinal);
        Assert.True(failing >= 0 && failing < inconclusive && inconclusive < unassessed, "failing, then inconclusive, then not assessed");
        Assert.Contains("deliberate failure", top, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project audit -- verify --seed 7 --cases 2 --only AUDIT-SAMPLE-FAILS", top, StringComparison.Ordinal);
        Assert.Contains("no answer within 30 s over HTTP", top, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_check_link_has_a_target_and_every_check_is_linked_from_its_row()
    {
        var targets = Regex.Matches(html, "id=\"check-([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        var links = Regex.Matches(html, "href=\"#check-([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(5, targets.Count);
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.Contains(l, targets));
        // Matrix cells, invariant rows and traces link checks (pills), each with its status class and word.
        Assert.Matches("<a class=\"pill fails\" href=\"#check-AUDIT-SAMPLE-FAILS\" title=\"failed\">", html);
        Assert.Matches("<h4>AUDIT-SAMPLE-TRACE <a class=\"pill conforms\" href=\"#check-AUDIT-SAMPLE-TRACE\"", html);
        var invariant = Regex.Match(html, "<tr id=\"inv-INV-CONFORM\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("href=\"#check-AUDIT-SAMPLE-FAILS\"", invariant, StringComparison.Ordinal);
        Assert.Contains("<span class=\"fails\">fails</span>", invariant, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_JavaScript_no_raw_Mermaid_shows_and_every_diagram_has_its_text_form()
    {
        var visible = WithoutJavaScript();
        Assert.DoesNotContain("sequenceDiagram", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("stateDiagram-v2", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("flowchart LR", visible, StringComparison.Ordinal);
        var figures = Regex.Matches(html, "<figure class=\"diagram\"").Count;
        Assert.Equal(3, figures); // traceability, the sample trace, the sample machine
        Assert.Equal(figures, Regex.Matches(visible, "<details class=\"textform\" open>").Count);
        var decoded = WebUtility.HtmlDecode(visible);
        Assert.Contains("POS -> PC : wake-up(order, brand A)\nPC -> WUM1 : wake-up", decoded, StringComparison.Ordinal); // the trace text, lines kept
        Assert.Contains("Idle --WakeUp--> Choosing   (exercised 12×)", decoded, StringComparison.Ordinal);
        Assert.Contains("C1 (not assessed) → E1 (not assessed)", decoded, StringComparison.Ordinal);
        Assert.DoesNotContain("<pre class=\"mermaid\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_in_natural_order_and_long_messages_keep_their_lines()
    {
        var options = Regex.Match(html, "<select id=\"f-emb\">(.*?)</select>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(["E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11", "E12"],
            Regex.Matches(options, "<option>(E\\d+)</option>").Select(m => m.Groups[1].Value));
        var sections = Regex.Matches(html, "<section id=\"trace-(E\\d+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(sections.OrderBy(s => int.Parse(s[1..], System.Globalization.CultureInfo.InvariantCulture)), sections);
        Assert.Matches(@"\.msg \{[^}]*white-space: pre-wrap", html);
        Assert.Matches(@"pre\.text \{[^}]*white-space: pre-wrap", html);
    }

    [Fact]
    public void Mermaid_is_inlined_intact_and_inert_and_the_page_stays_offline()
    {
        var blob = Regex.Match(html, "<script type=\"application/octet-stream\" id=\"mermaid-gz\">([A-Za-z0-9+/=]+)</script>").Groups[1].Value;
        using var gz = new GZipStream(new MemoryStream(Convert.FromBase64String(blob)), CompressionMode.Decompress);
        using var unpacked = new MemoryStream();
        gz.CopyTo(unpacked);
        using var vendored = typeof(HtmlReportWriter).Assembly.GetManifestResourceStream("MultiWallet.Audit.assets.mermaid.min.js")!;
        Assert.Equal(Convert.ToHexString(SHA256.HashData(vendored)), Convert.ToHexString(SHA256.HashData(unpacked.ToArray())));
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"https?://", html);
        Assert.True(html.Length < 1_600_000, $"report.html of five checks is {html.Length} characters");
    }

    [Fact]
    public void Statuses_are_words_as_well_as_colours_in_the_matrix()
    {
        var row = Regex.Match(html, "<tr id=\"row-C1-E1\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("data-status=\"not-assessed\"", row, StringComparison.Ordinal);
        Assert.Contains("<span class=\"not-assessed\">not assessed</span>", row, StringComparison.Ordinal);
        Assert.Equal(Report.ReportStatus.Of(new CheckRecord("X", "", "example", [], [], 1, false, "m", null, null, new Dictionary<string, int>(), 0, new Dictionary<string, string>(), [])),
            Report.ReportStatus.Failed);
    }
}
