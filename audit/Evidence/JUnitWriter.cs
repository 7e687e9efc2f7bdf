using System.Globalization;
using System.Xml.Linq;
using MultiWallet.Audit.Verdicts;

namespace MultiWallet.Audit.Evidence;

/// <summary>
/// junit.xml, valid against Jenkins' junit-10.xsd: one testsuite per phase (Kind) with one testcase per check run (its
/// requirement ids in the testcase's <c>group</c> attribute; a failure carries the replay command), then one testsuite
/// <c>MultiWallet.requirements</c> rendering the verdict model: one testcase per requirement, a <c>failure</c> when it
/// fails, <c>skipped</c> when it is not assessed, and its backing checks in <c>system-out</c>. The only wall-clock figures
/// are the <c>time</c> and <c>timestamp</c> attributes.
/// </summary>
public static class JUnitWriter
{
    /// <summary>The name of the testsuite that renders the verdict model.</summary>
    public const string RequirementsSuite = "MultiWallet.requirements";

    /// <summary>The <c>system-out</c> line that lists a requirement's backing checks.</summary>
    public const string BackingPrefix = "backing checks: ";

    /// <summary>Writes junit.xml into <paramref name="dir"/> and returns its path.</summary>
    public static string Write(EvidenceBundle b, string dir)
    {
        static string S(double d) => d.ToString("0.###", CultureInfo.InvariantCulture);
        var timestamp = b.GeneratedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        XElement Properties() => new("properties",
            new XElement("property", new XAttribute("name", "seed"), new XAttribute("value", b.Seed)),
            new XElement("property", new XAttribute("name", "cases"), new XAttribute("value", b.Cases)),
            new XElement("property", new XAttribute("name", "fullBudget"), new XAttribute("value", b.Verdicts.FullBudget)),
            new XElement("property", new XAttribute("name", "gitCommit"), new XAttribute("value", b.GitCommit)),
            new XElement("property", new XAttribute("name", "command"), new XAttribute("value", b.Command)));
        var suites = b.Checks.GroupBy(c => c.Kind).Select(g => new XElement("testsuite",
            new XAttribute("name", $"MultiWallet.{g.Key}"),
            new XAttribute("tests", g.Count()),
            new XAttribute("failures", g.Count(c => !c.Passed)),
            new XAttribute("errors", 0),
            new XAttribute("skipped", 0),
            new XAttribute("time", S(g.Sum(c => c.DurationSeconds))),
            new XAttribute("timestamp", timestamp),
            Properties(),
            g.Select(c => new XElement("testcase",
                new XAttribute("classname", $"MultiWallet.{c.Kind}"),
                new XAttribute("name", c.Id),
                new XAttribute("time", S(c.DurationSeconds)),
                new XAttribute("group", string.Join(",", c.Requirements.Concat(c.Embodiments).Distinct())),
                c.Passed
                    ? new XElement("system-out", $"{c.Message}\ncases run: {c.CasesRun}")
                    : new XElement("failure",
                        new XAttribute("message", FirstLine(c.Message)),
                        new XAttribute("type", c.Kind == "fault" ? "FaultNotDetected" : "CheckFailed"),
                        FailureText(b, c))))));
        var verdicts = b.Verdicts.Requirements;
        var requirementSuite = new XElement("testsuite",
            new XAttribute("name", RequirementsSuite),
            new XAttribute("tests", verdicts.Count),
            new XAttribute("failures", verdicts.Count(v => v.Status == VerdictStatus.Fails)),
            new XAttribute("errors", 0),
            new XAttribute("skipped", verdicts.Count(v => v.Status == VerdictStatus.NotAssessed)),
            new XAttribute("time", "0"),
            new XAttribute("timestamp", timestamp),
            Properties(),
            verdicts.Select(v => new XElement("testcase",
                new XAttribute("classname", $"MultiWallet.requirement.{v.Kind}"),
                new XAttribute("name", v.Id),
                new XAttribute("time", "0"),
                new XAttribute("group", v.Id),
                v.Status switch
                {
                    VerdictStatus.Fails => new XElement("failure", new XAttribute("message", v.Reason), new XAttribute("type", "RequirementFails"),
                        $"{v.Id} fails: {string.Join(", ", v.Failing)}"),
                    VerdictStatus.NotAssessed => new XElement("skipped", new XAttribute("message", "not assessed: " + v.Reason)),
                    _ => null,
                },
                new XElement("system-out", $"{v.Id}: {v.StatusLabel} ({v.Reason})\n{BackingPrefix}{string.Join(",", v.Backing)}"))));
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites",
                new XAttribute("name", "MultiWallet audit verify"),
                new XAttribute("tests", b.Checks.Count + verdicts.Count),
                new XAttribute("failures", b.FailedCount + verdicts.Count(v => v.Status == VerdictStatus.Fails)),
                new XAttribute("errors", 0),
                new XAttribute("time", S(b.DurationSeconds)),
                suites, requirementSuite));
        var path = Path.Combine(dir, "junit.xml");
        using (var w = System.Xml.XmlWriter.Create(path, new System.Xml.XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) }))
            doc.Save(w);
        return path;
    }

    private static string FirstLine(string s) => s.Split('\n')[0].TrimEnd();

    private static string FailureText(EvidenceBundle b, CheckRecord c)
    {
        var text = $"{c.Id} failed: {c.Message}";
        if (c.Counterexample is not null) text += $"\nCounterexample:\n{c.Counterexample}";
        text += $"\nReplay: {b.ReplayFor(c.Id)}";
        if (c.Replay is not null) text += $"  (check replay {c.Replay})";
        return text;
    }
}
