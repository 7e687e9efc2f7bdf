using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using MultiWallet.Audit.Scenarios;
using MultiWallet.Checks.Catalog;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiWallet.Audit.Commands;

/// <summary>`check FILE`: run an auditor's scenario file through the model (and the implementation) and compare.</summary>
public sealed class CheckCommand(IAnsiConsole console, ErrorConsole errors) : Command<CheckCommand.Settings>
{
    /// <summary>The options of the verb.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Scenario file (YAML, see scenarios/README.md).</summary>
        [CommandArgument(0, "<FILE>")]
        [Description("Scenario file (YAML, see scenarios/README.md).")]
        public string File { get; init; } = "";

        /// <summary>Print the result as JSON instead of tables.</summary>
        [CommandOption("--json")]
        [Description("Print the result as JSON instead of tables.")]
        public bool Json { get; init; }

        /// <summary>Seed of the implementation's world (PKI, randomness); default the filing date 20000203.</summary>
        [CommandOption("--seed <S>")]
        [Description("Seed of the implementation's world (PKI, randomness); default the filing date 20000203.")]
        public int? Seed { get; init; }

        /// <summary>Play the file's wake-ups against a running `serve` (its console URL) instead of a world of its own.</summary>
        [CommandOption("--attach <URL>")]
        [Description("Play the file's wake-ups against a running `serve` (its console URL) instead of a world of its own.")]
        public string? Attach { get; init; }

        /// <summary>With --attach (required): the served world's TLS root, a PEM file `serve` writes next to its scenario file.</summary>
        [CommandOption("--tls-root <PEM>")]
        [Description("With --attach (required): the served world's TLS root, the PEM file `serve` writes next to its scenario file.")]
        public string? TlsRoot { get; init; }

        /// <summary>With --attach: wall-clock seconds to wait for each answer of the served topology (default 30); past it the run is inconclusive (exit 4).</summary>
        [CommandOption("--timeout <SECONDS>")]
        [Description("With --attach: wall-clock seconds to wait for each answer of the served topology (default 30); past it the run is inconclusive (exit 4).")]
        [DefaultValue(30.0)]
        public double Timeout { get; init; } = 30;

        /// <summary>Bad values are usage errors (exit 2).</summary>
        public override ValidationResult Validate()
        {
            if (Attach is not null && !(Uri.TryCreate(Attach, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps))
                return ValidationResult.Error($"--attach: '{Attach}' is not an https:// URL (serve prints its console URL)");
            if (Attach is not null && TlsRoot is null)
                return ValidationResult.Error("--attach needs --tls-root, the served world's TLS root (serve prints the command)");
            return Timeout is > 0 and <= 3600 ? ValidationResult.Success() : ValidationResult.Error("--timeout must be in (0, 3600] seconds");
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Runs the verb; the exit code is one of <see cref="AuditApp"/>'s (<see cref="AuditApp.CheckExitCodes"/>).</summary>
    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        ScenarioDocument scenario;
        try { scenario = ScenarioFile.Load(s.File); }
        catch (ScenarioException e)
        {
            if (s.Json) console.WriteRaw(JsonSerializer.Serialize(new { file = s.File, error = e.Message, line = e.Line, field = e.Field }, JsonOptions));
            else errors.Console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return AuditApp.ExitUsage;
        }

        if (s.Attach is not null && scenario.Attack is not null)
        {
            // A served topology has no attacker on its wire: the file's attack could not be played, so its verdict would mean nothing.
            errors.Console.MarkupLineInterpolated($"[red]error:[/] {s.File}: attack: a file with an attacker cannot be played against a served topology (run it without --attach)");
            return AuditApp.ExitUsage;
        }
        var seed = s.Seed ?? CheckContext.DefaultSeed;
        ScenarioRun run;
        try
        {
            run = s.Attach is null
                ? ScenarioExecution.Run(scenario, seed)
                : new ScenarioRun(Attach.AttachedRun.RunAsync(scenario, new Uri(s.Attach), Attach.AttachedRun.LoadRoot(s.TlsRoot!), cancellationToken, TimeSpan.FromSeconds(s.Timeout)).GetAwaiter().GetResult(), [],
                   $"served implementation at {s.Attach} (outcomes compared with the model; served trace shown)", ExpectationsChecked: false);
        }
        catch (MultiWallet.Impl.Network.NetworkException e) when (e.Failure == MultiWallet.Impl.Network.NetworkFailure.Timeout)
        {
            // Over HTTP a timeout measures the machine, not the system: neither agreement nor disagreement.
            if (s.Json) console.WriteRaw(JsonSerializer.Serialize(new { file = s.File, inconclusive = $"environment: {e.Message}" }, JsonOptions));
            else console.MarkupLineInterpolated($"[yellow]inconclusive (environment):[/] {s.File}: {e.Message}");
            return AuditApp.ExitInconclusive;
        }
        catch (Exception e) when (e is ArgumentException or Attach.AttachedRun.NotAttachable or MultiWallet.Impl.Network.NetworkException)
        {
            errors.Console.MarkupLineInterpolated($"[red]error:[/] {s.File}: the scenario cannot be run: {e.Message}");
            return AuditApp.ExitUsage;
        }

        var verdict = ScenarioVerdict.Of(run);
        if (s.Json)
            console.WriteRaw(JsonSerializer.Serialize(new CheckJson(s.File, scenario.Title, scenario.Topology.Embodiment.ToString(), scenario.SeededFault, seed, run.Mode,
                verdict.Agree, run.ExpectationsChecked ? verdict.Failed.Count == 0 : null, run.Setup, run.Reports, run.Invariants, run.Attack), JsonOptions));
        else Print(scenario, seed, run, verdict.Agree, verdict.Failed);
        return verdict.Passed ? AuditApp.ExitOk : AuditApp.ExitFailed;
    }

    /// <summary>The `check --json` document (its shape: scenarios/check-output.schema.json).</summary>
    private sealed record CheckJson(string File, string? Title, string Embodiment, string? SeededFault, int Seed, string Mode, bool Agree,
        bool? ExpectationsHold, IReadOnlyList<SetupEvent> Setup, IReadOnlyList<WakeUpReport> WakeUps, IReadOnlyList<InvariantVerdict> Invariants, AttackReport? Attack);

    private void Print(ScenarioDocument sc, int seed, ScenarioRun run, bool agree, IReadOnlyList<(int Step, ExpectationResult X)> failed)
    {
        console.MarkupLineInterpolated($"[bold]{sc.Path}[/] {sc.Title ?? ""}");
        console.MarkupLineInterpolated($"{sc.Topology.Embodiment}, seed {seed}, {run.Mode}");
        foreach (var w in sc.Topology.Wallets.Prepend(sc.Topology.Master).OfType<Model.Vocabulary.WalletSpec>())
            console.MarkupLineInterpolated($"  wallet {w}");
        foreach (var e in run.Setup)
        {
            console.MarkupLineInterpolated($"  {(e.Step < 0 ? "set-up" : $"step {e.Step}: {e.Input}")}{(e.Trace.Count == 0 ? " (no trace)" : "")}{(e.Divergence is null ? "" : $"  DIVERGES: {e.Divergence}")}");
            foreach (var line in e.Trace) console.MarkupLineInterpolated($"    {line}");
        }
        foreach (var r in run.Reports)
        {
            var agreeText = r.ModelAgrees switch { true => "[green]yes[/]", false => "[red]NO[/]", null when run.Attack is not null => "[grey]not compared (an attacked run)[/]", null => "[grey]n/a (model only)[/]" };
            var t = new Table().Title($"step {r.Step}: {Markup.Escape(r.Input)}").HideHeaders().AddColumns("", "");
            t.AddRow("outcome", Markup.Escape(r.Outcome));
            if (r.RawOutcome is not null) t.AddRow("as the client saw it", Markup.Escape(r.RawOutcome));
            if (r.ModelOutcome is not null) t.AddRow("model predicts", Markup.Escape(r.ModelOutcome));
            t.AddRow("wallet", Markup.Escape(r.Wallet ?? "-"));
            t.AddRow("brand", Markup.Escape(r.Brand ?? "-"));
            t.AddRow("route", Markup.Escape(r.Route.Count == 0 ? "-" : string.Join("\n", r.Route)));
            t.AddRow("model agrees", agreeText);
            if (r.Divergence is not null) t.AddRow("first divergence", $"[red]{Markup.Escape(r.Divergence)}[/]");
            if (r.AbstractTrace is not null || r.ModelTrace.Count > 0) t.AddRow(r.AbstractTrace is null ? "model trace" : "abstract trace", Markup.Escape(string.Join("\n", r.AbstractTrace ?? r.ModelTrace)));
            if (r.Divergence is not null) t.AddRow("model trace", Markup.Escape(string.Join("\n", r.ModelTrace)));
            if (r.Lookups.Count > 0) t.AddRow("look-ups", Markup.Escape(string.Join("\n", r.Lookups)));
            if (r.Time is { } time) t.AddRow("time", Markup.Escape($"{time.ElapsedMs:0.###} ms (world time {time.Started:HH:mm:ss.fff} → {time.Ended:HH:mm:ss.fff})"));
            if (r.State is { } st)
                t.AddRow("state after", Markup.Escape(string.Join("\n", st.Orders.Select(o => $"order {o.Order}: merchant {o.Merchant}, gateway {o.Gateway ?? "-"}, {o.Authorizations} authorization(s)")
                    .Append($"MSW holds {st.MswCredentialsHeld} acquired credential(s)")
                    .Concat(st.CustodianReleases.Select(c => $"{c.Wallet} released {c.Releases} credential(s)")))));
            foreach (var x in r.Expectations)
                t.AddRow($"expect {x.Field}", x.Holds ? $"[green]{Markup.Escape(x.Expected)}[/]"
                    : $"[red]expected {Markup.Escape(x.Expected)}; model {Markup.Escape(x.Model ?? "(not stated)")}; implementation {Markup.Escape(x.Implementation ?? "(did not finish)")}[/]");
            if (r.Trace is not null) t.AddRow("trace", Markup.Escape(string.Join("\n", r.Trace)));
            console.Write(t);
        }
        if (!run.ExpectationsChecked) console.MarkupLine("[yellow]expectations not checked: a served run reports outcomes only[/]");
        foreach (var (step, x) in failed)
            console.MarkupLineInterpolated($"[red]expectation failed:[/] {sc.Path}:{x.Line}: step {step} {x.Field}: expected {x.Expected}, model {x.Model ?? "(not stated)"}, implementation {x.Implementation ?? "(did not finish)"}");
        if (run.Attack is { } a)
        {
            console.MarkupLineInterpolated($"attacker at {a.Position}: {string.Join("; ", a.Steps)}");
            console.MarkupLineInterpolated($"  fired: {(a.Tried.Count == 0 ? "nothing (no targeted message crossed the position)" : string.Join(", ", a.Tried.Select(t => $"{t.Key}={t.Value}")))}");
            console.MarkupLineInterpolated($"  at the end: authorizations {string.Join(", ", a.Authorizations.Select(x => $"{x.Key}={x.Value}"))}; {a.Sessions} session request(s) of its own; leaks: {(a.Leaks.Count == 0 ? "none" : string.Join(", ", a.Leaks))}");
        }
        foreach (var v in run.Invariants)
            if (v.Violation is null) console.MarkupLineInterpolated($"[green]holds:[/] {v.Id}");
            else console.MarkupLineInterpolated($"[red]invariant violated:[/] {v.Id}: {v.Violation}");
        console.MarkupLine(!agree ? "[red bold]MODEL AND IMPLEMENTATION DISAGREE[/]"
            : run.Invariants.Any(v => v.Violation is not null) ? (run.Attack is null ? "[red bold]AN INVARIANT IS VIOLATED[/]" : "[red bold]AN ATTACK PROPERTY IS VIOLATED[/]")
            : failed.Count > 0 ? (run.Attack is null ? "[red bold]MODEL AND IMPLEMENTATION AGREE, BUT AN EXPECTATION FAILED[/]" : "[red bold]AN EXPECTATION FAILED[/]") : "[green bold]OK[/]");
    }
}
