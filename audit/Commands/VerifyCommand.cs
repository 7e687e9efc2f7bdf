using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using MultiWallet.Audit.Bundle;
using MultiWallet.Audit.Campaign;
using MultiWallet.Audit.Evidence;
using MultiWallet.Audit.Report;
using MultiWallet.Audit.Sharding;
using MultiWallet.Audit.Verdicts;
using MultiWallet.Checks.Catalog;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiWallet.Audit.Commands;

/// <summary>`verify`: run the catalog phase by phase and write the evidence bundle.</summary>
public sealed class VerifyCommand(IAnsiConsole console, ErrorConsole errors) : Command<VerifyCommand.Settings>
{
    /// <summary>The options of the verb.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Generated cases per property check (default 1000).</summary>
        [CommandOption("--cases <N>")]
        [Description("Generated cases per property check (default 1000).")]
        [DefaultValue(1000)]
        public int Cases { get; init; } = 1000;

        /// <summary>Seed for every generator (default: CheckContext.DefaultSeed, the filing date 20000203).</summary>
        [CommandOption("--seed <S>")]
        [Description("Seed for every generator (default: CheckContext.DefaultSeed, the filing date 20000203).")]
        public int? Seed { get; init; }

        /// <summary>Only checks exercising these embodiments, comma separated (e.g. E3,E7).</summary>
        [CommandOption("--embodiment <LIST>")]
        [Description("Only checks exercising these embodiments, comma separated (e.g. E3,E7).")]
        public string? Embodiment { get; init; }

        /// <summary>Only these check ids, comma separated.</summary>
        [CommandOption("--only <IDS>")]
        [Description("Only these check ids, comma separated.")]
        public string? Only { get; init; }

        /// <summary>Network the generated scenarios run over: memory (default) or http (every party a loopback Kestrel host).</summary>
        [CommandOption("--network <KIND>")]
        [Description("Network the generated scenarios run over: memory (default) or http (every party a loopback Kestrel host).")]
        [DefaultValue("memory")]
        public string Network { get; init; } = "memory";

        /// <summary>The network --network names.</summary>
        public MultiWallet.Impl.World.WorldTransport Transport =>
            Network.Equals("http", StringComparison.OrdinalIgnoreCase) ? MultiWallet.Impl.World.WorldTransport.Http : MultiWallet.Impl.World.WorldTransport.InMemory;

        /// <summary>Run the exhaustive small-scope checks over their full bound (docs/DECISIONS.md, "Exhaustive scopes") instead of the small one.</summary>
        [CommandOption("--exhaustive")]
        [Description("Run EXHAUSTIVE-SMALL-SCOPE over its full bound (every case up to renaming within 3 wallets, 2 brands, 2 wake-ups, one defect or one fault program: 40,314 cases) instead of the small one.")]
        public bool Exhaustive { get; init; }
        /// <summary>Re-run one scenario file (e.g. a counterexample under evidence/counterexamples/) with every invariant, instead of the catalog.</summary>
        [CommandOption("--replay <FILE>")]
        [Description("Re-run one scenario file (e.g. a counterexample under evidence/counterexamples/) with every invariant, instead of the catalog.")]
        public string? ReplayFile { get; init; }

        /// <summary>A system under test playing a role: ROLE=URL (its provisioning interface, loopback http).</summary>
        [CommandOption("--sut <ROLE=URL>")]
        [Description("Run the generated campaign of the role's embodiments with that role played by a system under test behind the provisioning interface at URL (docs/protocol/openapi.yaml; loopback http only). Roles: MSW (the master, E7–E12), SSW (every slave and E8 custodian, E7–E12), PC (the selector or multi-server WUM, E1–E6). One per run. Writes sut.json under --out.")]
        public string[]? Sut { get; init; }

        /// <summary>Seconds one provisioning call may take before the SUT is reported hung (inconclusive).</summary>
        [CommandOption("--sut-timeout <SECONDS>")]
        [Description("With --sut: seconds one provisioning call may take before the SUT is reported hung (inconclusive, never a failure); default 30.")]
        [DefaultValue(30)]
        public int SutTimeout { get; init; } = 30;

        /// <summary>With --sut: also time the same cases with our own master in-process (HTTP and memory), side by side.</summary>
        [CommandOption("--sut-compare")]
        [Description("With --sut: also run the same cases one at a time with our own master in-process, over HTTP and in memory, and print the three campaign times side by side.")]
        public bool SutCompare { get; init; }

        /// <summary>The parsed --sut, or null.</summary>
        public MultiWallet.Checks.Sut.SutTarget? SutTarget => Sut is not [var one] ? null : MultiWallet.Checks.Sut.SutTarget.Parse(one, TimeSpan.FromSeconds(SutTimeout), out _);

        /// <summary>Evidence directory (default evidence/).</summary>
        [CommandOption("--out <DIR>")]
        [Description("Evidence directory (default evidence/).")]
        [DefaultValue("evidence")]
        public string Out { get; init; } = "evidence";

        /// <summary>PEM private key (ECDSA or RSA) that signs the bundle; without it a fresh ECDSA P-256 key is generated and its public half written beside the bundle.</summary>
        [CommandOption("--sign-key <PEM>")]
        [Description("PEM private key (ECDSA or RSA) that signs the bundle. Default: a fresh ECDSA P-256 key, whose public half (bundle.pub.pem) proves integrity, not identity.")]
        public string? SignKey { get; init; }
        /// <summary>Also write the generated campaign's cases as a recorded trace (JSON Lines, docs/protocol/trace-format.md).</summary>
        [CommandOption("--trace-log <FILE>")]
        [Description("Also write the generated campaign's cases (of the selected embodiments) as a recorded trace, JSON Lines (docs/protocol/trace-format.md).")]
        public string? TraceLog { get; init; }

        /// <summary>Run only shard K of N of this run (1 ≤ K ≤ N) and write a shard bundle for `audit merge` (README, "Sharding").</summary>
        [CommandOption("--shard <K/N>")]
        [Description("Run only shard K of N (1 ≤ K ≤ N): every Nth case of the shared campaign and every Nth other check, written as a shard bundle for `audit merge` (README, \"Sharding\").")]
        public string? Shard { get; init; }

        /// <summary>Checks of a phase run side by side (default 0: one per core); the evidence is the same for any value.</summary>
        [CommandOption("--jobs <N>")]
        [Description("Checks of a phase run side by side (default 0: one per core). Checks marked exclusive run alone; the evidence is the same for any value.")]
        [DefaultValue(0)]
        public int Jobs { get; init; }

        /// <summary>The parsed --shard, or null without it.</summary>
        public ShardSpec? ShardSpec => Shard is null ? null : ShardSpec.Parse(Shard, out _);

        /// <summary>The --embodiment list, split.</summary>
        public string[] Embodiments => Split(Embodiment);
        /// <summary>The --only list, split.</summary>
        public string[] OnlyIds => Split(Only);

        private static string[] Split(string? s) =>
            (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToArray();

        /// <summary>Bad values are usage errors (exit 2).</summary>
        public override ValidationResult Validate()
        {
            if (Cases < 1) return ValidationResult.Error("--cases must be at least 1");
            if (Jobs < 0) return ValidationResult.Error("--jobs must be at least 0 (0: one per core)");
            if (Embodiment is not null && Embodiments.Length == 0) return ValidationResult.Error("--embodiment needs at least one of E1..E12");
            var bad = Embodiments.Where(e => !Requirements.Embodiments.ContainsKey(e.ToUpperInvariant())).ToList();
            if (bad.Count > 0) return ValidationResult.Error($"--embodiment: unknown {string.Join(", ", bad)} (expected E1..E12)");
            if (Only is not null && OnlyIds.Length == 0) return ValidationResult.Error("--only needs at least one check id");
            if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out needs a directory");
            if (!Network.Equals("http", StringComparison.OrdinalIgnoreCase) && !Network.Equals("memory", StringComparison.OrdinalIgnoreCase))
                return ValidationResult.Error($"--network: unknown {Network} (expected memory or http)");
            if (Shard is not null && ShardSpec.Parse(Shard, out var shardError) is null) return ValidationResult.Error(shardError!);
            if (Sut is { Length: > 1 })
                return ValidationResult.Error($"--sut: one system under test per run, got {Sut.Length} ({string.Join(", ", Sut)}): the master → slave link between two of them would be seen by neither end (docs/DECISIONS.md, \"One --sut per run\"); run verify once per role");
            if (Sut is [var sutSpec] && MultiWallet.Checks.Sut.SutTarget.Parse(sutSpec, TimeSpan.FromSeconds(SutTimeout), out var sutError) is null) return ValidationResult.Error(sutError!);
            if (SutTimeout < 1) return ValidationResult.Error("--sut-timeout must be at least 1 second");
            if (Sut is { Length: > 0 } && (Shard is not null || ReplayFile is not null || Exhaustive || Only is not null)) return ValidationResult.Error("--sut runs the generated campaign only: it takes no --shard, --replay, --exhaustive or --only");
            if (Shard is not null && (ReplayFile is not null || TraceLog is not null)) return ValidationResult.Error("--shard runs a slice of the catalog: it takes no --replay or --trace-log");
            return ValidationResult.Success();
        }
    }

    /// <summary>The assemblies the catalog is discovered in: the check catalog, plus the extras a test adds.</summary>
    public static Assembly[] CatalogAssemblies() =>
        new[] { typeof(CheckCatalog).Assembly }.Concat(AuditApp.ExtraAssemblies).Distinct().ToArray();

    /// <summary>Runs the verb; the exit code is one of <see cref="AuditApp"/>'s (<see cref="AuditApp.VerifyExitCodes"/>).</summary>
    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var seed = s.Seed ?? CheckContext.DefaultSeed;
        if (s.ReplayFile is not null) return new ReplayRun(console, errors).Execute(s.ReplayFile, seed);
        if (s.SutTarget is { } sut)
        {
            if (BundleKey.Load(s.SignKey, errors.Console) is not { } sutKey) return AuditApp.ExitUsage;
            var sutCommand = $"dotnet run --project audit -- verify --sut {s.Sut![0]} --seed {seed} --cases {s.Cases}"
                + (s.Embodiments.Length > 0 ? $" --embodiment {string.Join(',', s.Embodiments)}" : "") + (s.SutTimeout != 30 ? $" --sut-timeout {s.SutTimeout}" : "");
            return new SutRun(console, errors).Execute(sut, seed, s.Cases, s.Embodiments, s.Out, sutKey, sutCommand, s.SutCompare);
        }
        IReadOnlyList<CheckEntry> catalog;
        try { catalog = CheckCatalog.Discover(CatalogAssemblies()); }
        catch (Exception e) when (e is InvalidOperationException or ReflectionTypeLoadException or FileNotFoundException)
        {
            errors.Console.MarkupLineInterpolated($"[red]cannot load the check catalog:[/] {e.Message}");
            return AuditApp.ExitUsage;
        }

        var selected = catalog.AsEnumerable();
        var filter = new List<string>();
        if (s.OnlyIds.Length > 0)
        {
            var unknown = s.OnlyIds.Where(id => catalog.All(e => e.Id != id)).ToList();
            if (unknown.Count > 0)
            {
                errors.Console.MarkupLineInterpolated($"[red]usage error:[/] --only: no check named {string.Join(", ", unknown)} ({catalog.Count} checks in the catalog)");
                return AuditApp.ExitUsage;
            }
            selected = selected.Where(e => s.OnlyIds.Contains(e.Id));
            filter.Add($"--only {string.Join(',', s.OnlyIds)}");
        }
        if (s.Embodiments.Length > 0)
        {
            var es = s.Embodiments.Select(e => e.ToUpperInvariant()).ToHashSet();
            selected = selected.Where(e => e.Meta.Exercised.Any(x => es.Contains(x.ToString())) || e.Meta.Requirements.Any(es.Contains));
            filter.Add($"--embodiment {string.Join(',', es)}");
        }
        var checks = selected.ToList();
        if (checks.Count == 0)
        {
            errors.Console.MarkupLine("[red]usage error:[/] the filter selects no check");
            return AuditApp.ExitUsage;
        }

        Prerequisites.Require(checks);
        if (OutputDirectory.ForBundle(s.Out, errors.Console) is not { } dir) return AuditApp.ExitUsage;
        if (BundleKey.Load(s.SignKey, errors.Console) is not { } key) return AuditApp.ExitUsage;
        using var signingKey = key;
        var (commit, dirty) = (BuildEnvironment.GitCommit(), BuildEnvironment.GitDirty()); // before this run writes anything

        var network = s.Transport == MultiWallet.Impl.World.WorldTransport.Http ? " --network http" : "";
        var command = $"dotnet run --project audit -- verify --seed {seed} --cases {s.Cases}{network}{(s.Exhaustive ? " --exhaustive" : "")}" + (filter.Count > 0 ? " " + string.Join(' ', filter) : "");
        console.MarkupLineInterpolated($"[bold]MultiWallet verify[/]: {checks.Count} of {catalog.Count} checks, seed {seed}, {s.Cases} cases");

        if (s.ShardSpec is { } shard)
            return new ShardRun(console).Execute(new ShardRequest(shard, catalog, checks, seed, s.Cases, s.Transport, s.Exhaustive, command, filter, commit, dirty) { Jobs = s.Jobs }, dir, signingKey, total);

        var log = new StringBuilder();
        var phases = CampaignRunner.Run(console, checks, seed, s.Cases, log, s.Transport, s.Exhaustive, s.Jobs);
        var reproducibility = BuildEnvironment.Capture(command, seed, s.Cases, VerdictModel.DefaultFullBudget,
            s.Transport == MultiWallet.Impl.World.WorldTransport.Http ? "http" : "memory", filter, commit, dirty);
        var bundle = EvidenceBundle.Build(catalog, phases, reproducibility, ToolVersion(), total.Elapsed.TotalSeconds);
        var shared = CampaignRunner.Shared(checks, seed, s.Cases, s.Transport);
        var files = BundleWriter.Write(bundle, dir, log.ToString(), signingKey, temp =>
        {
            CounterexampleFiles.Write(bundle, temp, shownAs: dir);
            if (shared is not null) CaseLedgerWriter.Write(shared, temp);
        });

        Summary(bundle, files.Select(f => Path.Combine(dir, f)));
        BundleKey.Describe(signingKey, console);
        if (s.TraceLog is { } traceLog)
        {
            var embodiments = s.Embodiments.Length > 0 ? s.Embodiments.Select(e => Enum.Parse<MultiWallet.Model.Vocabulary.Embodiment>(e, ignoreCase: true)) : MultiWallet.Checks.Invariants.Campaign.All;
            var written = MultiWallet.Checks.Recorded.CampaignLog.Write(traceLog, new CheckContext(seed, s.Cases, _ => { }, s.Transport), embodiments);
            console.MarkupLineInterpolated($"trace log: {written} generated case(s) written to {traceLog}");
        }

        return !bundle.Passed ? AuditApp.ExitFailed : bundle.Checks.Any(c => c.Inconclusive is not null) ? AuditApp.ExitInconclusive : AuditApp.ExitOk;
    }

    private void Summary(EvidenceBundle b, IEnumerable<string> paths)
    {
        var t = new Table().Title("verify summary").AddColumns("phase", "checks", "passed", "failed", "seconds");
        foreach (var p in b.Phases)
            t.AddRow(p.Kind.ToString().ToLowerInvariant(), p.Checks.ToString(), $"[green]{p.Passed}[/]", p.Failed > 0 ? $"[red]{p.Failed}[/]" : "0", p.DurationSeconds.ToString("0.00"));
        t.AddRow("[bold]total[/]", b.Checks.Count.ToString(), $"[green]{b.PassedCount}[/]", b.FailedCount > 0 ? $"[red]{b.FailedCount}[/]" : "0", b.DurationSeconds.ToString("0.00"));
        console.Write(t);
        foreach (var c in b.Checks.Where(c => !c.Passed))
        {
            console.MarkupLineInterpolated($"[red]FAILED[/] {c.Id}: {c.Message.Split('\n')[0]}");
            console.WriteRaw($"       replay: {b.ReplayFor(c.Id)}");
        }
        // Statuses as words as well as colours (a CI log has no colour), through the report's one status function.
        string Colour(ReportStatus st) => st.Css switch { "conforms" => "green", "fails" => "red", "inconclusive" => "yellow", _ => "grey" };
        var emb = string.Join(", ", b.Embodiments.OrderBy(e => e.Id, NaturalOrder.Instance)
            .Select(e => (e.Id, Status: ReportStatus.Of(e))).Select(e => $"[{Colour(e.Status)}]{e.Id} {e.Status.Word}[/]"));
        console.MarkupLine($"embodiments: {emb}");
        string Count<T>(string what, IReadOnlyList<T> items, Func<T, ReportStatus> of) =>
            $"{what}: " + string.Join(", ", items.GroupBy(of).OrderBy(g => g.Key.Rank).Select(g => $"{g.Count()} {g.Key.Word}")) + $" (of {items.Count})";
        console.MarkupLineInterpolated($"{Count("claims", b.Claims, ReportStatus.Of)}; {Count("invariants", b.Invariants, ReportStatus.Of)}; faults detected: {b.Faults.Count(f => f.Detected)}/{b.Faults.Count}");
        if (b.Attacks is { } a)
        {
            var held = a.PropertiesHeld == a.Properties.Count ? $"[green]{a.PropertiesHeld}/{a.Properties.Count}[/]" : $"[red]{a.PropertiesHeld}/{a.Properties.Count}[/]";
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"attacker campaign: {a.AttackedCases} attacked cases, {a.Steps} attack steps tried in {a.CellsReached}/{a.Cells.Count} embodiment × position cells, properties held {held}, cost ×{a.Cost.Ratio:0.00} the honest campaign ({a.Cost.AttackedSeconds:0.0} s vs {a.Cost.HonestSeconds:0.0} s)"));
        }
        if (b.Exhaustive is { } x)
            console.MarkupLineInterpolated($"exhaustive ({(x.Full ? "full" : "small")} bound): {x.Statement}");
        // Cases a wall-clock limit cut short (HTTP only) are shared by every property: the largest count is the number of cases.
        var inconclusive = b.Checks.Select(c => c.Classes.GetValueOrDefault(MultiWallet.Checks.Invariants.Campaign.InconclusiveClass)).DefaultIfEmpty(0).Max();
        if (inconclusive > 0)
            console.MarkupLineInterpolated($"[yellow]inconclusive (environment):[/] {inconclusive} generated case(s) hit a wall-clock limit over HTTP; excluded from judgement");
        foreach (var c in b.Checks.Where(c => c.Inconclusive is not null))
            console.MarkupLineInterpolated($"[yellow]INCONCLUSIVE[/] {c.Id}: {c.Inconclusive} (environment: rerun on a quieter machine)");
        console.MarkupLine(b.Passed ? "[green bold]PASSED[/]" : "[red bold]FAILED[/]");
        console.WriteLine("evidence:");
        foreach (var p in paths) console.WriteLine("  " + p);
        console.WriteRaw("replay: " + b.Command);
    }

    private static string ToolVersion() =>
        typeof(VerifyCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
