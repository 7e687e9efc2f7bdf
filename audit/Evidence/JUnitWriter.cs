using System.Globalization;
using System.Xml.Linq;

namespace MultiWallet.Audit.Evidence;

/// <summary>junit.xml: one testsuite per phase (Kind), one testcase per check; a failure carries the replay command.</summary>
public static class JUnitWriter
{
    /// <summary>Writes junit.xml into <paramref name="dir"/> and returns its path.</summary>
    public static string Write(EvidenceBundle b, string dir)
    {
        static string S(double d) => d.ToString("0.###", CultureInfo.InvariantCulture);
        var suites = b.Checks.GroupBy(c => c.Kind).Select(g => new XElement("testsuite",
            new XAttribute("name", $"MultiWallet.{g.Key}"),
            new XAttribute("tests", g.Count()),
            new XAttribute("failures", g.Count(c => !c.Passed)),
            new XAttribute("errors", 0),
            new XAttribute("skipped", 0),
            new XAttribute("time", S(g.Sum(c => c.DurationSeconds))),
            new XAttribute("timestamp", b.GeneratedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            new XElement("properties",
                new XElement("property", new XAttribute("name", "seed"), new XAttribute("value", b.Seed)),
                new XElement("property", new XAttribute("name", "cases"), new XAttribute("value", b.Cases)),
                new XElement("property", new XAttribute("name", "gitCommit"), new XAttribute("value", b.GitCommit))),
            g.Select(c => new XElement("testcase",
                new XAttribute("classname", $"MultiWallet.{c.Kind}"),
                new XAttribute("name", c.Id),
                new XAttribute("time", S(c.DurationSeconds)),
                new XElement("properties",
                    new XElement("property", new XAttribute("name", "requirements"), new XAttribute("value", string.Join(",", c.Requirements))),
                    new XElement("property", new XAttribute("name", "embodiments"), new XAttribute("value", string.Join(",", c.Embodiments))),
                    new XElement("property", new XAttribute("name", "casesRun"), new XAttribute("value", c.CasesRun))),
                c.Passed
                    ? new XElement("system-out", c.Message)
                    : new XElement("failure",
                        new XAttribute("message", FirstLine(c.Message)),
                        new XAttribute("type", c.Kind == "fault" ? "FaultNotDetected" : "CheckFailed"),
                        FailureText(b, c))))));
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites",
                new XAttribute("name", "MultiWallet audit verify"),
                new XAttribute("tests", b.Checks.Count),
                new XAttribute("failures", b.FailedCount),
                new XAttribute("errors", 0),
                new XAttribute("time", S(b.DurationSeconds)),
                suites));
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
