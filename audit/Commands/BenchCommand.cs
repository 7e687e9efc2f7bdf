using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using MultiWallet.Audit.Bench;
using MultiWallet.Checks.Catalog;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiWallet.Audit.Commands;

/// <summary>
/// `bench`: runs impl's <see cref="PurchaseBenchmark"/> and <see cref="HttpVsMemoryBenchmark"/> as they are (all timing
/// lives there), prints a table and writes bench.json. With <c>--soak</c> it runs <see cref="SoakBenchmark"/> instead.
/// </summary>
public sealed class BenchCommand(IAnsiConsole console) : Command<BenchCommand.Settings>
{
    /// <summary>The options of the verb.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Purchases per transport in the HTTP vs in-memory run (default 200).</summary>
        [CommandOption("--purchases <N>")]
        [Description("Purchases per transport in the HTTP vs in-memory run (default 200).")]
        [DefaultValue(200)]
        public int Purchases { get; init; } = 200;

        /// <summary>Time budget of the sequential purchase benchmark, half purchases, half primitives (default 4).</summary>
        [CommandOption("--seconds <S>")]
        [Description("Time budget of the sequential purchase benchmark, half purchases, half primitives (default 4).")]
        [DefaultValue(4.0)]
        public double Seconds { get; init; } = 4.0;

        /// <summary>Purchases in flight in the HTTP vs in-memory run (default 16).</summary>
        [CommandOption("--concurrency <N>")]
        [Description("Purchases in flight in the HTTP vs in-memory run (default 16).")]
        [DefaultValue(16)]
        public int Concurrency { get; init; } = 16;

        /// <summary>Run the soak benchmark instead: HTTP purchases interleaved with junk and oversized requests, memory before and after.</summary>
        [CommandOption("--soak")]
        [Description("Run the soak benchmark instead: HTTP purchases interleaved with junk and oversized requests, memory before and after.")]
        public bool Soak { get; init; }

        /// <summary>Purchases of the soak run (default 10000).</summary>
        [CommandOption("--soak-purchases <N>")]
        [Description("Purchases of the soak run (default 10000).")]
        [DefaultValue(10_000)]
        public int SoakPurchases { get; init; } = 10_000;

        /// <summary>Junk and oversized requests of the soak run (default 10000).</summary>
        [CommandOption("--soak-junk <N>")]
        [Description("Junk and oversized requests of the soak run (default 10000).")]
        [DefaultValue(10_000)]
        public int SoakJunk { get; init; } = 10_000;

        /// <summary>Time budget of the soak run; it stops early, and says so, when it runs out (default 1800).</summary>
        [CommandOption("--soak-seconds <S>")]
        [Description("Time budget of the soak run; it stops early, and says so, when it runs out (default 1800).")]
        [DefaultValue(1800.0)]
        public double SoakSeconds { get; init; } = 1800.0;

        /// <summary>Directory for bench.json (default evidence/).</summary>
        [CommandOption("--out <DIR>")]
        [Description("Directory for bench.json (default evidence/).")]
        [DefaultValue("evidence")]
        public string Out { get; init; } = "evidence";

        /// <summary>Bad values are usage errors (exit 2).</summary>
        public override ValidationResult Validate()
        {
            if (Purchases < 2) return ValidationResult.Error("--purchases must be at least 2");
            if (Concurrency < 1) return ValidationResult.Error("--concurrency must be at least 1");
            if (!(Seconds > 0) || Seconds > 3600) return ValidationResult.Error("--seconds must be in (0, 3600]");
            if (SoakPurchases < 0 || SoakJunk < 0 || SoakPurchases + SoakJunk == 0) return ValidationResult.Error("--soak-purchases and --soak-junk must be >= 0, not both 0");
            if (!(SoakSeconds > 0) || SoakSeconds > 86400) return ValidationResult.Error("--soak-seconds must be in (0, 86400]");
            if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out needs a directory");
            return ValidationResult.Success();
        }
    }

    /// <summary>Runs the verb; the exit code is one of <see cref="AuditApp"/>'s.</summary>
    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        if (OutputDirectory.Create(s.Out, console) is not { } dir) return AuditApp.ExitUsage;
        var seed = CheckContext.DefaultSeed;
        if (s.Soak) return RunSoak(s, dir, seed);
        console.MarkupLineInterpolated($"[bold]MultiWallet bench[/]: sequential purchases for {s.Seconds:0.##} s, then {s.Purchases} purchases per transport, {s.Concurrency} in flight");

        BenchResult purchase;
        HttpVsMemoryResult transports;
        try
        {
            purchase = PurchaseBenchmark.Run(TimeSpan.FromSeconds(s.Seconds), seed);
            transports = HttpVsMemoryBenchmark.Run(s.Purchases, s.Concurrency, 2, seed);
        }
        catch (InvalidOperationException e) // a benchmark purchase did not complete
        {
            console.MarkupLineInterpolated($"[red]benchmark failed:[/] {e.Message}");
            return AuditApp.ExitFailed;
        }

        var ops = new Table().Title("single-operation costs (in-memory, sequential)").AddColumns("operation", "ms", "x per purchase", "ms per purchase");
        foreach (var o in purchase.Ops)
            ops.AddRow(Markup.Escape(o.Operation), F(o.Ms, 3), o.PerPurchase.ToString(CultureInfo.InvariantCulture), F(o.FloorMs, 3));
        ops.AddRow("[bold]crypto floor per purchase[/]", "", "", $"[bold]{F(purchase.CryptoFloorMs, 3)}[/]");
        console.Write(ops);

        var sum = new Table().Title("throughput").AddColumns("figure", "value");
        sum.AddRow("purchases/s (sequential, in-memory)", F(purchase.PurchasesPerSecond, 1));
        sum.AddRow("ms per purchase", F(purchase.MsPerPurchase, 2));
        sum.AddRow("purchase time / crypto floor", F(purchase.Ratio, 2));
        sum.AddRow($"purchases/s in-memory ({transports.Concurrency} in flight)", F(transports.InMemory.PurchasesPerSecond, 1));
        sum.AddRow($"purchases/s HTTP loopback ({transports.Concurrency} in flight)", F(transports.Http.PurchasesPerSecond, 1));
        sum.AddRow("HTTP / in-memory", F(transports.Ratio, 2));
        console.Write(sum);
        var checkTrace = CheckTraceBenchmark.Run(console);

        var allPaid = transports.InMemory.Paid == transports.InMemory.Purchases && transports.Http.Paid == transports.Http.Purchases;
        var path = Path.Combine(dir, "bench.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            seed,
            machine = new { Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, runtime = Environment.Version.ToString() },
            purchase = new
            {
                purchase.Purchases,
                purchase.Seconds,
                purchase.PurchasesPerSecond,
                purchase.MsPerPurchase,
                purchase.CryptoFloorMs,
                ratioToCryptoFloor = purchase.Ratio,
                operations = purchase.Ops.Select(o => new { o.Operation, o.Ms, o.PerPurchase, o.FloorMs }),
            },
            checkTrace = new { checkTrace.Events, checkTrace.Orders, checkTrace.Seconds, checkTrace.EventsPerSecond, checkTrace.AllConform },
            httpVsMemory = new
            {
                transports.Purchases,
                transports.Concurrency,
                transports.Wallets,
                warmUp = HttpVsMemoryBenchmark.WarmUp,
                inMemory = Run(transports.InMemory),
                http = Run(transports.Http),
                ratio = transports.Ratio,
            },
        }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        console.WriteLine("bench: " + path);
        if (!allPaid) console.MarkupLine("[red]not every timed purchase was paid[/]");
        return allPaid ? AuditApp.ExitOk : AuditApp.ExitFailed;
    }

    private int RunSoak(Settings s, string dir, int seed)
    {
        console.MarkupLineInterpolated($"[bold]MultiWallet bench --soak[/]: {s.SoakPurchases} HTTP purchases interleaved with {s.SoakJunk} junk and oversized requests, loopback, budget {s.SoakSeconds:0.##} s");
        SoakResult r;
        try { r = SoakBenchmark.Run(s.SoakPurchases, s.SoakJunk, TimeSpan.FromSeconds(s.SoakSeconds), seed); }
        catch (InvalidOperationException e)
        {
            console.MarkupLineInterpolated($"[red]soak failed:[/] {e.Message}");
            return AuditApp.ExitFailed;
        }
        static string Mb(long b) => F(b / 1048576.0, 1) + " MB";
        var t = new Table().Title("soak (HTTP loopback, one world)").AddColumns("figure", "value");
        t.AddRow("purchases run / paid", $"{r.Purchases} / {r.Paid}");
        t.AddRow("junk sent / refused (4xx or typed) / cut off mid-upload / other", $"{r.Junk} / {r.JunkRefused4xx} / {r.JunkConnectionClosed} / {r.JunkOther}");
        t.AddRow("seconds", F(r.Seconds, 1) + (r.StoppedByTimeBudget ? " (time budget ran out)" : ""));
        t.AddRow("purchases/s (junk included)", F(r.PurchasesPerSecond, 1));
        t.AddRow("managed memory before -> after (full GC)", $"{Mb(r.ManagedBefore)} -> {Mb(r.ManagedAfter)}");
        t.AddRow("process working set before -> after", $"{Mb(r.ProcessBefore)} -> {Mb(r.ProcessAfter)}");
        t.AddRow("merchant messages kept / orders / trace events recorded (kept)", $"{r.MerchantReceived} / {r.MerchantOrders} / {r.TraceEvents} ({r.TraceKept})");
        console.Write(t);
        var path = Path.Combine(dir, "bench.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            seed,
            machine = new { Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, runtime = Environment.Version.ToString() },
            soak = new
            {
                r.Purchases, r.Paid, r.Junk, r.JunkRefused4xx, r.JunkConnectionClosed, r.JunkOther, r.StoppedByTimeBudget, r.Seconds, r.PurchasesPerSecond,
                memory = new { managedBefore = r.ManagedBefore, managedAfter = r.ManagedAfter, processBefore = r.ProcessBefore, processAfter = r.ProcessAfter },
                kept = new { merchantReceived = r.MerchantReceived, merchantOrders = r.MerchantOrders, traceEvents = r.TraceEvents, traceKept = r.TraceKept },
            },
        }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        console.WriteLine("bench: " + path);
        return r.Paid == r.Purchases && r.JunkOther == 0 ? AuditApp.ExitOk : AuditApp.ExitFailed;
    }

    private static object Run(TransportRun r) => new { transport = r.Transport.ToString(), r.Purchases, r.Paid, seconds = r.Elapsed.TotalSeconds, r.PurchasesPerSecond };

    private static string F(double v, int digits) => v.ToString("F" + digits, CultureInfo.InvariantCulture);
}
