using System.Reflection;
using MultiWallet.Audit.Commands;
using MultiWallet.Impl.Network;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiWallet.Audit;

/// <summary>Entry point shared by Program.cs and the in-process tests (audit.tests).</summary>
public static class AuditApp
{
    /// <summary>Exit code: every check passed (or the verb succeeded).</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code: a check failed, or model and implementation disagree.</summary>
    public const int ExitFailed = 1;

    /// <summary>Exit code: bad usage (unknown option, bad value, unusable file or directory, missing prerequisite).</summary>
    public const int ExitUsage = 2;

    /// <summary>Exit code: an unexpected exception (a bug of the audit itself; the only case that prints a stack trace).</summary>
    public const int ExitInternal = 3;

    /// <summary>Exit code: inconclusive (environment): a wall-clock limit over HTTP fired, so nothing was judged.</summary>
    public const int ExitInconclusive = 4;

    /// <summary>The command the audit is installed as when packed as a dotnet tool (see MultiWallet.Audit.csproj).</summary>
    public const string ToolCommandName = "multiwallet-audit";

    /// <summary>How the help names the audit when it runs from the repository.</summary>
    public const string RepositoryCommand = "dotnet run --project audit --";

    /// <summary>The exit codes of `verify`, as its help shows them.</summary>
    public const string VerifyExitCodes = "Exit codes: 0 every selected check passed; 1 a check failed; 2 bad usage, a bad option value, an unusable output directory, "
        + "or a missing prerequisite (openssl for the interop checks); 3 internal error (a bug of the audit; the only case with a stack trace); "
        + "4 inconclusive: no check failed, but a check over HTTP judged nothing because a wall-clock limit fired (environment). "
        + "Over --network http, cases a wall-clock limit cut short are inconclusive: excluded from judgement and counted, never a failure.";

    /// <summary>The exit codes of `check`, as its help shows them.</summary>
    public const string CheckExitCodes = "Exit codes: 0 model and implementation agree; 1 they disagree (a hang included); 2 bad usage, a bad option value, a bad or unreadable file, "
        + "or a file that cannot be played (--attach: another topology, an unreachable console); 3 internal error; "
        + "4 inconclusive (--attach: the served topology did not answer within the wall-clock limit).";

    /// <summary>The exit codes of `graphs`, as its help shows them.</summary>
    public const string GraphsExitCodes = "Exit codes: 0 the graphs were written; 2 bad usage or an unusable output directory; 3 internal error.";

    /// <summary>The exit codes of `bench`, as its help shows them.</summary>
    public const string BenchExitCodes = "Exit codes: 0 every benchmark purchase completed; 1 one did not (or the soak lost a purchase or answered junk wrongly); "
        + "2 bad usage, a bad option value or an unusable output directory; 3 internal error; 4 inconclusive (a wall-clock limit over HTTP fired).";

    /// <summary>The exit codes of `serve`, as its help shows them.</summary>
    public const string ServeExitCodes = "Exit codes: 0 the example's outcomes are as expected; 1 one is not; 2 bad usage or a bad option value; 3 internal error; "
        + "4 inconclusive (an outcome differed after a wall-clock timeout).";

    /// <summary>Each verb and its settings type (the option-value check reads the options from it).</summary>
    public static IReadOnlyDictionary<string, Type> Verbs { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["verify"] = typeof(VerifyCommand.Settings),
        ["graphs"] = typeof(GraphsCommand.Settings),
        ["bench"] = typeof(BenchCommand.Settings),
        ["serve"] = typeof(ServeCommand.Settings),
        ["check"] = typeof(CheckCommand.Settings),
    };

    /// <summary>Extra assemblies to discover checks in (tests only); properties and traces are always searched.</summary>
    public static Assembly[] ExtraAssemblies { get; set; } = [];

    /// <summary>
    /// Runs one command line: results to <paramref name="console"/>, usage errors and crashes to <paramref name="errors"/>
    /// (stderr in Program.cs; the same console when null).
    /// </summary>
    public static int Run(string[] args, IAnsiConsole console, IAnsiConsole? errors = null)
    {
        errors ??= console;
        if (OptionValues.FirstError(args, Verbs) is { } bad)
        {
            errors.MarkupLineInterpolated($"[red]usage error:[/] {bad}");
            return ExitUsage;
        }
        var app = new CommandApp(Registrar(console, errors));
        app.Configure(c => Configure(c, console, errors));
        return app.Run(args);
    }

    /// <summary>
    /// The registrar that hands <paramref name="console"/> (results) and <paramref name="errors"/> (errors; the same console
    /// when null) to every command's constructor.
    /// </summary>
    public static ITypeRegistrar Registrar(IAnsiConsole console, IAnsiConsole? errors = null)
    {
        var registrar = new AuditTypeRegistrar();
        registrar.RegisterInstance(typeof(IAnsiConsole), console);
        registrar.RegisterInstance(typeof(ErrorConsole), new ErrorConsole(errors ?? console));
        return registrar;
    }

    /// <summary>The audit's version and the commit it was built from, as <c>--version</c> prints it.</summary>
    public static string VersionLine()
    {
        var info = typeof(AuditApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var plus = info.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? $"{info} (commit unknown)" : $"{info[..plus]} (commit {info[(plus + 1)..]})";
    }

    /// <summary>
    /// The name the help shows: the tool command when the process is the installed tool's shim, else the repository's
    /// <c>dotnet run</c> form.
    /// </summary>
    public static string ApplicationName(string? processPath)
    {
        // Either separator: the shim is multiwallet-audit on Unix and multiwallet-audit.exe on Windows.
        var file = (processPath ?? "").Split('/', '\\')[^1];
        return Path.GetFileNameWithoutExtension(file).Equals(ToolCommandName, StringComparison.OrdinalIgnoreCase) ? ToolCommandName : RepositoryCommand;
    }

    /// <summary>The verbs, their help, and the exit codes of usage errors and crashes; errors go to <paramref name="errors"/> (or <paramref name="console"/>).</summary>
    public static void Configure(IConfigurator c, IAnsiConsole console, IAnsiConsole? errors = null)
    {
        var err = errors ?? console;
        c.SetApplicationName(ApplicationName(Environment.ProcessPath));
        c.SetApplicationVersion(VersionLine());
        c.ConfigureConsole(console);
        c.Settings.StrictParsing = true; // an unknown option is bad usage (exit 2), not a remaining argument
        c.AddCommand<VerifyCommand>("verify")
            .WithDescription("Run the whole check catalog and write the signed evidence bundle (evidence.json, report.html, junit.xml, attestation.cdx.json, sbom.cdx.json, timings.json, checks.log, bundle.dsse.json). " + VerifyExitCodes)
            .WithExample("verify", "--cases", "10")
            .WithExample("verify", "--embodiment", "E3,E7", "--seed", "42");
        c.AddCommand<VerifyBundleCommand>("verify-bundle")
            .WithDescription("Check a signed evidence bundle: the DSSE signature over its in-toto statement and the SHA-256 of every file. "
                + "Exit codes: 0 it verifies; 1 a file changed, is missing or extra, or the signature fails (each named); 2 bad usage or not a bundle.")
            .WithExample("verify-bundle", "evidence")
            .WithExample("verify-bundle", "evidence", "--key", "signer.pub.pem");
        c.AddCommand<GraphsCommand>("graphs")
            .WithDescription("Write DOT and Mermaid for every model state machine. " + GraphsExitCodes)
            .WithExample("graphs", "--out", "evidence/graphs");
        c.AddCommand<BenchCommand>("bench")
            .WithDescription("Benchmark: purchases/s, per-primitive costs and crypto floor, HTTP vs in-memory; writes bench.json. " + BenchExitCodes)
            .WithExample("bench", "--purchases", "100", "--seconds", "2");
        c.AddCommand<ServeCommand>("serve")
            .WithDescription("Run one embodiment's patent example over loopback HTTP, printing the address map, outcomes and traces. " + ServeExitCodes)
            .WithExample("serve", "--embodiment", "E7", "--once");
        c.AddCommand<CheckCommand>("check")
            .WithDescription("Run a scenario file (YAML) through the model and the implementation and compare. " + CheckExitCodes)
            .WithExample("check", "scenarios/E7.yaml", "--json");
        c.AddCommand<CheckTraceCommand>("check-trace")
            .WithDescription("Check a recorded trace (JSON Lines, docs/protocol/trace-format.md) against the model and the invariants a trace shows, per order. " + CheckTraceCommand.ExitCodes)
            .WithExample("check-trace", "checks/Recorded/corpus/honest-E7.jsonl");
        c.AddCommand<MergeCommand>("merge")
            .WithDescription("Merge the shard bundles of one `verify --shard K/N` run (each verified) into the signed bundle the unsharded run writes. " + MergeCommand.ExitCodes);
        c.AddCommand<SutHostCommand>("sut-host")
            .WithDescription("Serve our own implementation of a role (MSW) as a separate process behind the provisioning interface (docs/protocol/openapi.yaml), for `verify --sut ROLE=URL`. " + SutHostCommand.ExitCodes)
            .WithExample("sut-host", "--role", "MSW", "--listen", "http://127.0.0.1:7000");
        c.AddCommand<ReverifyCommand>("reverify")
            .WithDescription("Replay a seeded random sample of the cases an evidence directory's ledger (cases.jsonl) recorded and compare their digests. " + ReverifyCommand.ExitCodes)
            .WithExample("reverify", "evidence", "--sample", "10%", "--seed", "7");
        c.SetExceptionHandler((ex, _) =>
        {
            if (ex is CommandAppException)
            {
                // A value Spectre could not convert (OptionValues names the option first when the process runs through Run).
                var why = ex.InnerException is ArgumentException or FormatException or OverflowException ? $" ({ex.InnerException.Message})" : "";
                err.MarkupLineInterpolated($"[red]usage error:[/] {ex.Message}{why}");
                return ExitUsage;
            }
            // Expected conditions are one line and a documented code; only a bug of the audit shows a stack trace.
            switch (ex)
            {
                case WallClockLimitException or NetworkException { Failure: NetworkFailure.Timeout }:
                    err.MarkupLineInterpolated($"[yellow]inconclusive (environment):[/] {ex.Message}");
                    return ExitInconclusive;
                case MissingPrerequisiteException:
                    err.MarkupLineInterpolated($"[red]{ex.Message}[/]");
                    return ExitUsage;
                case IOException or UnauthorizedAccessException:
                    err.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                    return ExitUsage;
                default:
                    err.MarkupLineInterpolated($"[red]internal error:[/] {ex.GetType().Name}: {ex.Message}");
                    err.WriteException(ex);
                    return ExitInternal;
            }
        });
    }
}
