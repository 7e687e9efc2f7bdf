using System.Reflection;
using MultiWallet.Audit.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiWallet.Audit;

/// <summary>Entry point shared by Program.cs and the in-process tests (audit.tests).</summary>
public static class AuditApp
{
    public const int ExitOk = 0, ExitFailed = 1, ExitUsage = 2, ExitInternal = 3;

    /// <summary>Extra assemblies to discover checks in (tests only); properties and traces are always searched.</summary>
    public static Assembly[] ExtraAssemblies { get; set; } = [];

    public static int Run(string[] args)
    {
        var app = new CommandApp();
        app.Configure(c =>
        {
            c.SetApplicationName("dotnet run --project audit --");
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
                    AnsiConsole.MarkupLineInterpolated($"[red]usage error:[/] {ex.Message}");
                    return ExitUsage;
                }
                AnsiConsole.WriteException(ex);
                return ExitInternal;
            });
        });
        return app.Run(args);
    }
}
