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

    /// <summary>Exit code: bad usage (unknown option, bad value, unusable file or directory).</summary>
    public const int ExitUsage = 2;

    /// <summary>Exit code: an unexpected exception (a bug of the audit itself; the only case that prints a stack trace).</summary>
    public const int ExitInternal = 3;

    /// <summary>Exit code: inconclusive (environment): a wall-clock limit over HTTP fired, so nothing was judged.</summary>
    public const int ExitInconclusive = 4;

    /// <summary>The exit codes of `verify`, as its help shows them.</summary>
    public const string VerifyExitCodes = "Exit codes: 0 every selected check passed; 1 a check failed; 2 bad usage or an unusable output directory; "
        + "3 internal error; 4 inconclusive: no check failed, but a check over HTTP judged nothing because a wall-clock limit fired (environment). "
        + "Over --network http, cases a wall-clock limit cut short are inconclusive: excluded from judgement and counted, never a failure.";

    /// <summary>The exit codes of `check`, as its help shows them.</summary>
    public const string CheckExitCodes = "Exit codes: 0 model and implementation agree; 1 they disagree (a hang included); 2 bad usage, a bad or unreadable file, "
        + "or a file that cannot be played (--attach: another topology, an unreachable console); 3 internal error; "
        + "4 inconclusive (--attach: the served topology did not answer within the wall-clock limit).";

    /// <summary>Extra assemblies to discover checks in (tests only); properties and traces are always searched.</summary>
    public static Assembly[] ExtraAssemblies { get; set; } = [];

    /// <summary>Runs one command line, writing everything to <paramref name="console"/>.</summary>
    public static int Run(string[] args, IAnsiConsole console)
    {
        var app = new CommandApp(Registrar(console));
        app.Configure(c => Configure(c, console));
        return app.Run(args);
    }

    /// <summary>The registrar that hands <paramref name="console"/> to every command's constructor.</summary>
    public static ITypeRegistrar Registrar(IAnsiConsole console)
    {
        var registrar = new AuditTypeRegistrar();
        registrar.RegisterInstance(typeof(IAnsiConsole), console);
        return registrar;
    }

    /// <summary>The verbs, their help, and the exit codes of usage errors and crashes, all written to <paramref name="console"/>.</summary>
    public static void Configure(IConfigurator c, IAnsiConsole console)
    {
        c.SetApplicationName("dotnet run --project audit --");
        c.ConfigureConsole(console);
        c.Settings.StrictParsing = true; // an unknown option is bad usage (exit 2), not a remaining argument
        c.AddCommand<VerifyCommand>("verify")
            .WithDescription("Run the whole check catalog and write the evidence bundle (evidence.json, report.html, junit.xml, attestation.cdx.json). " + VerifyExitCodes)
            .WithExample("verify", "--cases", "10")
            .WithExample("verify", "--embodiment", "E3,E7", "--seed", "42");
        c.AddCommand<GraphsCommand>("graphs")
            .WithDescription("Write DOT and Mermaid for every model state machine.")
            .WithExample("graphs", "--out", "evidence/graphs");
        c.AddCommand<BenchCommand>("bench")
            .WithDescription("Benchmark: purchases/s, per-primitive costs and crypto floor, HTTP vs in-memory; writes bench.json.")
            .WithExample("bench", "--purchases", "100", "--seconds", "2");
        c.AddCommand<ServeCommand>("serve")
            .WithDescription("Run one embodiment's patent example over loopback HTTP, printing the address map, outcomes and traces. "
                + "Exit codes: 0 the example's outcomes are as expected; 1 one is not; 2 bad usage; 3 internal error; 4 inconclusive (an outcome differed after a wall-clock timeout).")
            .WithExample("serve", "--embodiment", "E7", "--once");
        c.AddCommand<CheckCommand>("check")
            .WithDescription("Run a scenario file (YAML) through the model and the implementation and compare. " + CheckExitCodes)
            .WithExample("check", "scenarios/E7.yaml", "--json");
        c.AddCommand<ReverifyCommand>("reverify")
            .WithDescription("Replay a seeded random sample of the cases an evidence directory's ledger (cases.jsonl) recorded and compare their digests. " + ReverifyCommand.ExitCodes)
            .WithExample("reverify", "evidence", "--sample", "10%", "--seed", "7");
        c.SetExceptionHandler((ex, _) =>
        {
            if (ex is CommandAppException)
            {
                console.MarkupLineInterpolated($"[red]usage error:[/] {ex.Message}");
                return ExitUsage;
            }
            // Expected conditions are one line and a documented code; only a bug of the audit shows a stack trace.
            switch (ex)
            {
                case WallClockLimitException or NetworkException { Failure: NetworkFailure.Timeout }:
                    console.MarkupLineInterpolated($"[yellow]inconclusive (environment):[/] {ex.Message}");
                    return ExitInconclusive;
                case IOException or UnauthorizedAccessException:
                    console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                    return ExitUsage;
                default:
                    console.MarkupLineInterpolated($"[red]internal error:[/] {ex.GetType().Name}: {ex.Message}");
                    console.WriteException(ex);
                    return ExitInternal;
            }
        });
    }
}
