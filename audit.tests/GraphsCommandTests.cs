using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>The `graphs` verb: one DOT and one Mermaid file per model machine, plus graphs.html.</summary>
public sealed class GraphsCommandTests
{
    [Fact]
    public void Writes_dot_and_mermaid_for_every_machine()
    {
        var dir = Path.Combine(Path.GetTempPath(), "mw-graphs-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = AuditTester.Run("graphs", "--out", dir);
            Assert.Equal(0, run.ExitCode);
            var n = MultiWallet.Model.Graphs.ModelGraphs.All().Count;
            Assert.Equal(n, Directory.GetFiles(dir, "*.dot").Length);
            Assert.Equal(n, Directory.GetFiles(dir, "*.mmd").Length);
            Assert.Contains("stateDiagram", File.ReadAllText(Directory.GetFiles(dir, "*.mmd")[0]));
            Assert.True(File.Exists(Path.Combine(dir, "graphs.html")));
            Assert.Contains($"{n} machines written to {dir}", run.Output);
            Assert.Contains("Selector", run.Output);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }
}
