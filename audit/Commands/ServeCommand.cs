using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Network.Http;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiWallet.Audit.Commands;

/// <summary>
/// `serve --embodiment E7`: the patent's example topology for one embodiment, every party behind its own
/// loopback Kestrel HTTPS host; prints the address map, runs the example's wake-ups over real sockets printing each
/// outcome and its trace, then stays up until Ctrl+C or SIGTERM (or exits with --once). Both stop it the same
/// way: the hosts are disposed (their ports released) and the exit code is the demo's verdict.
/// <para>
/// Keys: without --seed every key, certificate (SET and TLS) and random stream comes from the operating system's
/// generator, so the served world's keys are secret and differ on every run; with --seed they all derive from the
/// seed, and a banner (console and serve-&lt;E&gt;.json) says the run is seeded and therefore not secret.
/// </para>
/// </summary>
public sealed class ServeCommand(IAnsiConsole console, ErrorConsole errors) : Command<ServeCommand.Settings>
{
    /// <summary>
    /// How many of the newest trace events a served world keeps: it runs for as long as it is left up, so its trace is a
    /// window (dropped events are counted), while a campaign world, whose runs are short, keeps every event.
    /// </summary>
    public const int TraceCapacity = 10_000;

    /// <summary>The options of the verb.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Which embodiment's patent example to serve, E1..E12 (required).</summary>
        [CommandOption("--embodiment <E>")]
        [Description("Which embodiment's patent example to serve, E1..E12 (required).")]
        public string? Embodiment { get; init; }

        /// <summary>Derive every key and random stream from this seed (reproducible, therefore NOT secret); default: fresh keys from the OS.</summary>
        [CommandOption("--seed <S>")]
        [Description("Derive every key and random stream from this seed (reproducible, therefore NOT secret); default: fresh keys from the OS generator.")]
        public int? Seed { get; init; }

        /// <summary>Where to write serve-&lt;E&gt;.yaml (the served topology as a scenario file for `check --attach`), the TLS root
        /// serve-&lt;E&gt;-tls-root.pem and serve-&lt;E&gt;.json (whether the keys are seeded, the roots, the address map); default evidence/.</summary>
        [CommandOption("--out <DIR>")]
        [Description("Where to write serve-<E>.yaml (the served topology as a scenario file for `check --attach`), serve-<E>-tls-root.pem and serve-<E>.json (default evidence/).")]
        [DefaultValue("evidence")]
        public string Out { get; init; } = "evidence";

        /// <summary>Exit after the demo instead of staying up until Ctrl+C.</summary>
        [CommandOption("--once")]
        [Description("Exit after the demo instead of staying up until Ctrl+C.")]
        public bool Once { get; init; }

        /// <summary>Also write the example's wake-ups as a recorded trace (JSON Lines, docs/protocol/trace-format.md).</summary>
        [CommandOption("--trace-log <FILE>")]
        [Description("Also write the example's wake-ups as a recorded trace, JSON Lines (docs/protocol/trace-format.md).")]
        public string? TraceLog { get; init; }

        /// <summary>Bad values are usage errors (exit 2).</summary>
        public override ValidationResult Validate()
        {
            if (Embodiment is null) return ValidationResult.Error("--embodiment is required (E1..E12)");
            if (!Examples.ContainsKey(Embodiment.ToUpperInvariant())) return ValidationResult.Error($"--embodiment: unknown {Embodiment} (expected E1..E12)");
            return ValidationResult.Success();
        }
    }

    /// <summary>
    /// One patent example, taken from the canonical trace scenarios (checks/Traces/Scenarios, the single place the
    /// patent examples are written): topology with its knowledge, the user's answers, the wake-up brands.
    /// </summary>
    public sealed record Example(TopologyConfig Topology, IReadOnlyList<string?> Answers, IReadOnlyList<string> WakeUps,
        IReadOnlyList<MultiWallet.Checks.Traces.Scenarios.Expected> Expect, string Story)
    {
        /// <summary>The example of one canonical patent-example scenario.</summary>
        public static Example Of(MultiWallet.Checks.Traces.Scenarios.TraceScenario s) =>
            new(s.Topology, s.Answers, s.WakeUps.Select(w => w.Brand).ToList(), s.WakeUps.Select(w => w.Expect).ToList(), s.Summary);
    }

    /// <summary>Each embodiment's patent example, by id.</summary>
    public static readonly IReadOnlyDictionary<string, Example> Examples = Enumerable.Range(1, 12)
        .ToDictionary(i => $"E{i}", i => Example.Of(MultiWallet.Checks.Traces.Scenarios.CanonicalScenarios.Get($"E{i}-patent-example")));

    /// <summary>Runs the verb; the exit code is one of <see cref="AuditApp"/>'s.</summary>
    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken) =>
        ExecuteAsync(s, cancellationToken).GetAwaiter().GetResult();

    private async Task<int> ExecuteAsync(Settings s, CancellationToken ct)
    {
        var id = s.Embodiment!.ToUpperInvariant();
        var example = Examples[id];
        var keys = s.Seed is { } seed ? WorldKeys.Seeded(seed) : WorldKeys.Fresh();
        await using var world = new PaymentWorld(s.Seed ?? CheckContext.DefaultSeed, TimeSpan.FromSeconds(10), WorldTransport.Http, keys: keys);
        world.Trace.Capacity = TraceCapacity;
        var user = new ScriptedUser(example.Answers);
        var e = EmbodimentWorld.Build(world, example.Topology, user);
        new Attach.ServedConsole(world, e, user, EmbodimentTraits.Of(Enum.Parse<MultiWallet.Model.Vocabulary.Embodiment>(id)).Asks == UserPrompt.AtSetUp ? example.Answers[0] : null);

        console.MarkupLineInterpolated($"[bold]MultiWallet serve {id}[/]: {example.Story}");
        var keyLine = KeysBanner(keys);
        console.MarkupLine(keys.IsSeeded ? $"[bold red on yellow]{Markup.Escape(keyLine)}[/]" : $"[green]{Markup.Escape(keyLine)}[/]");
        console.MarkupLineInterpolated($"SET root: SHA-256 {SetRootSha256(keys)}");
        console.MarkupLineInterpolated($"TLS root (the only TLS trust anchor of every party): SHA-256 {TlsRootSha256(keys)}");
        var map = new Table().Title("address map (loopback only)").AddColumns("address", "listens at");
        foreach (var line in ((HttpNetwork)world.Wire).RenderAddressMap().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var sp = line.IndexOf(' ');
            map.AddRow(Markup.Escape(line[..sp]), Markup.Escape(line[(sp + 1)..]));
        }
        console.Write(map);

        using var traceLog = s.TraceLog is null ? null : MultiWallet.Checks.Recorded.TraceLogWriter.Create(s.TraceLog);
        if (traceLog is not null)
        {
            // The header's topology and user script are the served scenario's, read as `check` reads it.
            var served = Scenarios.ScenarioFile.Parse(Attach.ServedScenario.Yaml(id, example.Topology, example.Answers, example.WakeUps), "serve");
            traceLog.Case($"serve-{id}", $"serve --embodiment {id}" + (s.Seed is { } sd ? $" --seed {sd}" : ""), served.Topology, served.User, setRoot: keys.Pki.Root.GetEncoded(), clock: world.VirtualTime.UtcNow);
            world.Network.RecordRequests = true;
        }
        var ok = true;
        for (var i = 0; i < example.WakeUps.Count; i++)
        {
            var brand = example.WakeUps[i];
            var mark = world.Trace.Count;
            var sent = world.Network.Requests.Count;
            var outcome = await e.PayAsync(world.WakeUp($"ORD-{i + 1}", brand), ct).ConfigureAwait(false);
            traceLog?.WakeUp(i, new Step.WakeUp(new OrderId(PaymentWorld.MerchantId, $"ORD-{i + 1}"), new Brand(brand), 12_800, WakeUpDefect.None), false,
                world.Trace.Since(mark), outcome, world.Network.Requests.Skip(sent));
            var color = outcome is Paid ? "green" : "yellow";
            console.MarkupLine($"[bold]wake-up {i + 1}[/] ({Markup.Escape(brand)}): [{color}]{Markup.Escape(outcome.ToString())}[/]");
            foreach (var ev in world.Trace.Since(mark)) console.WriteRaw("  " + ev.Render()); // unwrapped: one event per line
            // The hand-written expectation of the canonical scenario (E1's B, say, is refused by design).
            if (example.Expect[i].Mismatch(outcome) is { } wrong) { ok = false; console.MarkupLineInterpolated($"[red]unexpected:[/] {wrong}"); }
        }
        if (traceLog is not null)
        {
            world.Network.RecordRequests = false;
            traceLog.Flush();
            console.MarkupLineInterpolated($"trace log: {example.WakeUps.Count} wake-up(s) written to {s.TraceLog}");
        }
        // Over HTTP a send that timed out measured the machine, not the system: an unexpected outcome is then inconclusive.
        var inconclusive = !ok && world.Wire.EnvironmentFailures > 0;
        if (inconclusive) console.MarkupLineInterpolated($"[yellow]inconclusive (environment):[/] {world.Wire.DescribeEnvironmentFailures()}");
        foreach (var q in user.Log) console.MarkupLineInterpolated($"[grey]user was asked[/] {q.Question} [grey]offered[/] [[{string.Join(", ", q.Options)}]] [grey]answered[/] {q.Answer ?? "nothing"}");
        console.MarkupLineInterpolated($"gateway authorizations: {world.Gateway.TotalAuthorizations}");

        // What a client outside needs (the TLS root, the scenario of the served topology) and what the run was (serve-<E>.json).
        if (OutputDirectory.Create(s.Out, errors.Console) is not { } dir) return AuditApp.ExitUsage;
        var file = Path.Combine(dir, $"serve-{id}.yaml");
        await File.WriteAllTextAsync(file, Attach.ServedScenario.Yaml($"served {id}: {example.Story}", example.Topology, example.Answers, example.WakeUps), ct).ConfigureAwait(false);
        var rootFile = Path.Combine(dir, $"serve-{id}-tls-root.pem");
        await File.WriteAllTextAsync(rootFile, keys.Tls.RootPem, ct).ConfigureAwait(false);
        var descriptor = Path.Combine(dir, $"serve-{id}.json");
        await File.WriteAllTextAsync(descriptor, Descriptor(id, keys, (HttpNetwork)world.Wire, rootFile), ct).ConfigureAwait(false);
        console.MarkupLineInterpolated($"wrote {descriptor}, {rootFile}, {file}");

        if (!s.Once)
        {
            var servedConsole = ((HttpNetwork)world.Wire).AddressMap[Attach.ConsoleProtocol.Console];
            console.MarkupLineInterpolated($"watch purchases through this topology (edit the file for others): dotnet run --project audit -- check {file} --attach {servedConsole} --tls-root {rootFile}");
            console.MarkupLine("serving; press [bold]Ctrl+C[/] (or send SIGTERM) to stop");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            ConsoleCancelEventHandler onCancel = (_, a) => { a.Cancel = true; stop.Cancel(); };
            Console.CancelKeyPress += onCancel;
            // SIGTERM (a script, a container stop): cancel the default termination and stop as on Ctrl+C, so the
            // hosts are disposed below. ProcessExit would run too late to unwind this method.
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            try { await KeepTimeAsync(world, e, stop.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) { }
            finally { Console.CancelKeyPress -= onCancel; }
            console.WriteLine("stopping");
        }
        return ok ? AuditApp.ExitOk : inconclusive ? AuditApp.ExitInconclusive : AuditApp.ExitFailed;
    }

    /// <summary>The one line that says where the served world's keys come from: a seeded run is reproducible by anyone, so not secret.</summary>
    public static string KeysBanner(WorldKeys keys) => keys.Seed is { } seed
        ? $"SEEDED RUN (--seed {seed}): every key derives from the seed, so anyone who knows it can forge this world's signatures and read its secrets. NOT SECRET: for tests only."
        : "keys: fresh from the operating system's generator (secret; this run cannot be reproduced)";

    private static string SetRootSha256(WorldKeys keys) => Convert.ToHexString(SHA256.HashData(keys.Pki.Root.GetEncoded()));

    private static string TlsRootSha256(WorldKeys keys) => keys.Tls.Root.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>serve-&lt;E&gt;.json: the served embodiment, whether its keys are seeded (and so not secret), its TLS root and its address map.</summary>
    public static string Descriptor(string id, WorldKeys keys, HttpNetwork net, string rootFile) =>
        JsonSerializer.Serialize(new
        {
            embodiment = id,
            seeded = keys.IsSeeded,
            seed = keys.Seed,
            secret = !keys.IsSeeded,
            keys = KeysBanner(keys),
            tlsRoot = rootFile,
            setRootSha256 = SetRootSha256(keys),
            tlsRootSha256 = TlsRootSha256(keys),
            addresses = net.AddressMap.OrderBy(kv => kv.Key.Value, StringComparer.Ordinal).ToDictionary(kv => kv.Key.Value, kv => kv.Value.ToString()),
        }, new JsonSerializerOptions { WriteIndented = true });

    /// <summary>
    /// While serving, the world's clock follows the wall clock (from the deterministic epoch on) and the parties sweep
    /// what has expired, so a long-running served world keeps bounded state: sessions, orders and release records
    /// expire as their lifetimes say (docs/DECISIONS.md, "Bounded resources"), not only when a request arrives.
    /// </summary>
    private static async Task KeepTimeAsync(PaymentWorld world, EmbodimentWorld e, CancellationToken ct)
    {
        var last = DateTime.UtcNow;
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
            var now = DateTime.UtcNow;
            if (now > last) world.VirtualTime.Advance(now - last);
            last = now;
            world.Merchant.SweepExpired();
            foreach (var w in world.Wallets.Values) w.SweepExpired();
            e.Master?.SweepExpired();
            foreach (var c in e.Custodians.Values) c.SweepExpired();
        }
    }
}
