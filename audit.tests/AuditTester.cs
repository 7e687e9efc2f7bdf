using Spectre.Console.Cli.Testing;
using Spectre.Console.Testing;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// Runs one audit command line in-process through Spectre's <see cref="CommandAppTester"/>: the commands get a
/// <see cref="TestConsole"/> through the audit's registrar, so the result carries the exit code and every line written.
/// </summary>
internal static class AuditTester
{
    /// <summary>Runs <paramref name="args"/> as the audit would, capturing the console.</summary>
    public static CommandAppResult Run(params string[] args)
    {
        var console = new TestConsole().Width(240);
        var tester = new CommandAppTester(AuditApp.Registrar(console), new CommandAppTesterSettings(), console);
        tester.Configure(c => AuditApp.Configure(c, console));
        return tester.Run(args);
    }
}
