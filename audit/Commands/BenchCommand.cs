using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using MultiWallet.Audit.Bench;
using MultiWallet.Checks.Catalog;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiWallet.Audit.Commands;

/// <summary>
/// `bench`: interleaved rounds of <see cref="PurchaseBenchmark"/> (purchases and primitives in CPU time) each followed by
/// a fresh shared campaign (<see cref="CampaignBenchmark"/>) priced against its crypto floor at that round's costs, then
/// <see cref="HttpVsMemoryBenchmark"/>; prints median and range and writes bench.json. With <c>--soak</c> it runs <see cref="SoakBenchmark"/> instead.
/// </summary>
public sealed class BenchCommand(IAnsiConsole console, ErrorConsole errors) : Command<BenchCommand.Settings>
{
    /// <summary>The options of the verb.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Purchases per transport in the HTTP vs in-memory run (default 200).</summary>
        [CommandOption("--purchases <N>")]
        [Description("Purchases per transport in the HTTP vs in-memory run (default 200).")]
        [DefaultValue(200)]
        public int Purchases { get; init; } = 200;

        /// <summary>CPU seconds each round gives the purchases and each primitive (default 0.4).</summary>
        [CommandOption("--seconds <S>")]
        [Description("CPU seconds each round gives the purchases and each primitive (default 0.4).")]
        [DefaultValue(0.4)]
        public double Seconds { get; init; } = 0.4;

        /// <summary>Interleaved rounds; figures are their median and range (default 5).</summary>
        [CommandOption("--rounds <N>")]
        [Description("Interleaved rounds; figures are their median and range (default 5).")]
        [DefaultValue(5)]
        public int Rounds { get; init; } = 5;

        /// <summary>Scenarios per embodiment of the shared campaign run in each round, priced against its crypto floor (default 4; 0 skips it).</summary>
        [CommandOption("--campaign-cases <N>")]
        [Description("Scenarios per embodiment of the shared campaign run in each round, priced against its crypto floor (default 4; 0 skips it).")]
        [DefaultValue(4)]
        public int CampaignCases { get; init; } = 4;

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
            if (Rounds < 1 || Rounds > 1000) return ValidationResult.Error("--rounds must be in [1, 1000]");
            if (CampaignCases < 0) return ValidationResult.Error("--campaign-cases must be at least 0");
            if (SoakPurchases < 0 || SoakJunk < 0 || SoakPurchases + SoakJunk == 0) return ValidationResult.Error("--soak-purchases and --soak-junk must be >= 0, not both 0");
            if (!(SoakSeconds > 0) || SoakSeconds > 86400) return ValidationResult.Error("--soak-seconds must be in (0, 86400]");
            if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out needs a directory");
            return ValidationResult.Success();
        }
    }

    /// <summary>Runs the verb; the exit code is one of <see cref="AuditApp"/>'s.</summary>
    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        if (OutputDirectory.Create(s.Out, errors.Console) is not { } dir) return AuditApp.ExitUsage;
        var seed = CheckContext.DefaultSeed;
        if (s.Soak) return RunSoak(s, dir, seed);
        console.MarkupLineInterpolated($"[bold]MultiWallet bench[/]: {s.Rounds} interleaved rounds of purchases and primitives ({s.Seconds:0.##} CPU-s each) and a campaign of {s.CampaignCases} per embodiment, then {s.Purchases} purchases per transport, {s.Concurrency} in flight");

        PurchaseBenchmark bench;
        var campaigns = new List<(CampaignSample Sample, double FloorSeconds)>();
        HttpVsMemoryResult transports;
        try
        {
            bench = new PurchaseBenchmark(seed, s.Seconds * 1000);
            // One scenario per embodiment first: the campaign's own warm-up (JIT, the seed's PKI), never priced.
            if (s.CampaignCases > 0) CampaignBenchmark.Measure(seed, 1);
            for (var r = 0; r < s.Rounds; r++)
            {
                bench.MeasureRound();
                if (s.CampaignCases == 0) continue;
                var sample = CampaignBenchmark.Measure(seed, s.CampaignCases);
                campaigns.Add((sample, bench.LatestFloorSeconds(sample.Counts)));
            }
            transports = HttpVsMemoryBenchmark.Run(s.Purchases, s.Concurrency, 2, seed);
        }
        catch (InvalidOperationException e) // a benchmark purchase did not complete
        {
            errors.Console.MarkupLineInterpolated($"[red]benchmark failed:[/] {e.Message}");
            return AuditApp.ExitFailed;
        }
        var purchase = bench.Result();
        var cpu = purchase.PerThread ? "thread CPU" : "process CPU";

        var ops = new Table().Title($"single-operation costs ({cpu} ms per call, median [[min–max]] of {purchase.Rounds} rounds; in-memory, sequential)")
            .AddColumns("operation", "ms", "range", "x per purchase (counted)", "ms per purchase");
        foreach (var o in purchase.Ops)
            ops.AddRow(Markup.Escape(o.Operation), F(o.Ms.Median, 4), $"{F(o.Ms.Min, 4)}–{F(o.Ms.Max, 4)}", F(o.PerPurchase, 2), F(o.FloorMs, 3));
        ops.AddRow("[bold]crypto floor per purchase[/]", "", "", "", $"[bold]{F(purchase.CryptoFloorMs, 3)}[/]");
        console.Write(ops);

        var sum = new Table().Title("throughput").AddColumns("figure", "value");
        sum.AddRow($"CPU ms per purchase (median [[min–max]])", $"{F(purchase.MsPerPurchase.Median, 2)} [[{F(purchase.MsPerPurchase.Min, 2)}–{F(purchase.MsPerPurchase.Max, 2)}]]");
        sum.AddRow("purchases per CPU second", F(purchase.PurchasesPerCpuSecond, 1));
        sum.AddRow("purchase CPU time / crypto floor", F(purchase.Ratio, 2));
        if (campaigns.Count > 0)
        {
            var ratio = Spread.Of(campaigns.Select(c => c.Sample.CpuSeconds / c.FloorSeconds));
            var rate = Spread.Of(campaigns.Select(c => c.Sample.ScenariosPerSecond));
            var cpuRate = Spread.Of(campaigns.Select(c => c.Sample.ScenariosPerCpuSecond));
            sum.AddRow($"campaign scenarios/s ({campaigns[0].Sample.Scenarios} per round, {Environment.ProcessorCount} cores)", $"{F(rate.Median, 1)} [[{F(rate.Min, 1)}–{F(rate.Max, 1)}]]");
            sum.AddRow("campaign scenarios per CPU second", $"{F(cpuRate.Median, 1)} [[{F(cpuRate.Min, 1)}–{F(cpuRate.Max, 1)}]]");
            sum.AddRow("[bold]campaign CPU time / its crypto floor[/]", $"[bold]{F(ratio.Median, 2)}[/] [[{F(ratio.Min, 2)}–{F(ratio.Max, 2)}]]");
        }
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
                purchase.Rounds,
                purchase.Purchases,
                cpuTime = cpu,
                msPerPurchase = purchase.MsPerPurchase,
                purchase.PurchasesPerCpuSecond,
                purchase.CryptoFloorMs,
                ratioToCryptoFloor = purchase.Ratio,
                operations = purchase.Ops.Select(o => new { o.Operation, ms = o.Ms, o.PerPurchase, o.FloorMs }),
            },
            campaign = campaigns.Count == 0 ? null : new
            {
                perEmbodiment = s.CampaignCases,
                rounds = campaigns.Select(c => new
                {
                    c.Sample.Scenarios, c.Sample.WallSeconds, c.Sample.CpuSeconds, c.Sample.ScenariosPerSecond, c.Sample.ScenariosPerCpuSecond,
                    counts = c.Sample.Counts, floorCpuSeconds = c.FloorSeconds, ratioToCryptoFloor = c.Sample.CpuSeconds / c.FloorSeconds,
                }),
                scenariosPerSecond = Spread.Of(campaigns.Select(c => c.Sample.ScenariosPerSecond)),
                ratioToCryptoFloor = Spread.Of(campaigns.Select(c => c.Sample.CpuSeconds / c.FloorSeconds)),
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
            errors.Console.MarkupLineInterpolated($"[red]soak failed:[/] {e.Message}");
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
