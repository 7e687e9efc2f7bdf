using MultiWallet.Checks.Catalog;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>`verify --exhaustive` reaches every check as <see cref="CheckContext.Exhaustive"/> and is part of the replay command.</summary>
public sealed class ExhaustiveOptionTests : IDisposable
{
    private readonly string outDir = Path.Combine(Path.GetTempPath(), "mw-audit-" + Guid.NewGuid().ToString("N"));

    /// <summary>Adds the sample checks of this assembly to the catalog.</summary>
    public ExhaustiveOptionTests() => AuditApp.ExtraAssemblies = [typeof(SampleChecks).Assembly];

    public void Dispose()
    {
        AuditApp.ExtraAssemblies = [];
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
    }

    /// <summary>A check that says which bound the run asked for.</summary>
    [Check("AUDIT-SAMPLE-EXHAUSTIVE-FLAG", Title = "reports whether the run is exhaustive", Requirements = ["INV-CONFORM"], Kind = CheckKind.Example)]
    public static CheckOutcome Flag(CheckContext ctx) => CheckOutcome.Pass($"exhaustive={ctx.Exhaustive}");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_option_reaches_the_checks_and_the_replay(bool exhaustive)
    {
        string[] args = ["verify", "--cases", "5", "--out", outDir, "--only", "AUDIT-SAMPLE-EXHAUSTIVE-FLAG", .. exhaustive ? new[] { "--exhaustive" } : []];
        var run = AuditTester.Run(args);
        Assert.Equal(0, run.ExitCode);
        var log = File.ReadAllText(Path.Combine(outDir, "checks.log"));
        Assert.Contains($"exhaustive={exhaustive}", log);
        Assert.Equal(exhaustive, run.Output.Contains("--exhaustive", StringComparison.Ordinal));
    }
}
