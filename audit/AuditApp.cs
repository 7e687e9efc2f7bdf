using System.Reflection;
using MultiWallet.Audit.Commands;
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

    /// <summary>Exit code: an unexpected exception.</summary>
    public const int ExitInternal = 3;

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
            .WithDescription("Run the whole check catalog and write the evidence bundle (evidence.json, report.html, junit.xml, attestation.cdx.json).")
            .WithExample("verify", "--cases", "10")
            .WithExample("verify", "--embodiment", "E3,E7", "--seed", "42");
        c.AddCommand<GraphsCommand>("graphs")
            .WithDescription("Write DOT and Mermaid for every model state machine.")
            .WithExample("graphs", "--out", "evidence/graphs");
        c.AddCommand<BenchCommand>("bench")
            .WithDescription("Benchmark: purchases/s, per-primitive costs and crypto floor, HTTP vs in-memory; writes bench.json.")
            .WithExample("bench", "--purchases", "100", "--seconds", "2");
        c.AddCommand<ServeCommand>("serve")
            .WithDescription("Run one embodiment's patent example over loopback HTTP, printing the address map, outcomes and traces.")
            .WithExample("serve", "--embodiment", "E7", "--once");
        c.AddCommand<CheckCommand>("check")
            .WithDescription("Run a scenario file (YAML) through the model and the implementation and compare.")
            .WithExample("check", "scenarios/E7.yaml", "--json");
        c.SetExceptionHandler((ex, _) =>
        {
            if (ex is CommandAppException)
            {
                console.MarkupLineInterpolated($"[red]usage error:[/] {ex.Message}");
                return ExitUsage;
            }
            console.WriteException(ex);
            return ExitInternal;
        });
    }
}
