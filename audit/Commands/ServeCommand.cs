using System.ComponentModel;
using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Network.Http;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;
using MultiWallet.Properties.Catalog;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiWallet.Audit.Commands;

/// <summary>
/// `serve --embodiment E7`: the patent's example topology for one embodiment, every party behind its own
/// loopback Kestrel host; prints the address map, runs the example's wake-ups over real sockets printing each
/// outcome and its trace, then stays up until Ctrl+C (or exits with --once).
/// </summary>
public sealed class ServeCommand : Command<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--embodiment <E>")]
        [Description("Which embodiment's patent example to serve, E1..E12 (required).")]
        public string? Embodiment { get; init; }

        [CommandOption("--seed <S>")]
        [Description("Seed of the world (PKI, randomness); default the filing date 20000203.")]
        public int? Seed { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Where to write serve-<E>.yaml, the served topology as a scenario file for `check --attach` (default evidence/).")]
        [DefaultValue("evidence")]
        public string Out { get; init; } = "evidence";

        [CommandOption("--once")]
        [Description("Exit after the demo instead of staying up until Ctrl+C.")]
        public bool Once { get; init; }

        public override ValidationResult Validate()
        {
            if (Embodiment is null) return ValidationResult.Error("--embodiment is required (E1..E12)");
            if (!Examples.ContainsKey(Embodiment.ToUpperInvariant())) return ValidationResult.Error($"--embodiment: unknown {Embodiment} (expected E1..E12)");
            return ValidationResult.Success();
        }
    }

    /// <summary>One patent example: the topology (with the knowledge the embodiment needs), the user's answers, the wake-up brands.</summary>
    public sealed record Example(TopologyConfig Topology, string?[] Answers, string[] WakeUps, string Story);

    private static readonly WalletConfig Sw1 = new("SW-1", ["BrandA"]), Sw2 = new("SW-2", ["BrandB"]);
    private static readonly WalletConfig Msw = new("MSW", ["BrandA"]), Ssw1 = new("SSW-1", ["BrandB"]);

    /// <summary>SW-1 holds BrandA and SW-2 BrandB (E1–E6); MSW holds BrandA and SSW-1 BrandB (E7–E12). As in properties' PatentExamples.</summary>
    public static readonly IReadOnlyDictionary<string, Example> Examples = new Dictionary<string, Example>
    {
        ["E1"] = new(new("E1", [Sw1, Sw2]), ["SW-1"], ["BrandA", "BrandB"], "the user registered SW-1 before paying: A is paid by SW-1, B refused by SW-1"),
        ["E2"] = new(new("E2", [Sw1, Sw2]), ["SW-1", "SW-2"], ["BrandA", "BrandB"], "the user picks SW-1 for A and SW-2 for B at wake-up"),
        ["E3"] = new(new("E3", [Sw1, Sw2], BrandInfo: [("SW-1", ["BrandA"]), ("SW-2", ["BrandB"])]), [], ["BrandA", "BrandB"], "the selector's brand table routes A to SW-1, B to SW-2"),
        ["E4"] = new(new("E4", [Sw1, Sw2], InstalledWums: [("SW-1", 1, ["BrandA"]), ("SW-2", 1, ["BrandB"])]), [], ["BrandA", "BrandB"], "the WUMs' brand information routes A to SW-1, B to SW-2"),
        ["E5"] = new(new("E5", [Sw1, Sw2]), [], ["BrandA", "BrandB"], "the selector queries the SWs live"),
        ["E6"] = new(new("E6", [Sw1, Sw2]), [], ["BrandA", "BrandB"], "one multi-server WUM queries the SWs"),
        ["E7"] = new(new("E7", [Ssw1], Msw, BrandInfo: [("SSW-1", ["BrandB"])]), [], ["BrandA", "BrandB"], "the MSW pays A itself and proxies B to SSW-1"),
        ["E8"] = new(new("E8", [Ssw1], Msw, BrandInfo: [("SSW-1", ["BrandB"])]), [], ["BrandA", "BrandB"], "the MSW pays A, and B with SSW-1's certificate acquired for the order"),
        ["E9"] = new(new("E9", [Ssw1], Msw, SswInfo: ["SSW-1"]), ["SSW-1"], ["BrandB"], "the MSW offers its SSW information, the user picks SSW-1"),
        ["E10"] = new(new("E10", [Ssw1], Msw), ["ssw://SSW-1"], ["BrandB"], "the user types ssw://SSW-1"),
        ["E11"] = new(new("E11", [Ssw1], Msw, BrandInfo: [("SSW-1", ["BrandB"])]), [], ["BrandA", "BrandB"], "the WUM sends SSW-1's brand information with the wake-up"),
        ["E12"] = new(new("E12", [Ssw1], Msw, SswInfo: ["SSW-1"]), ["SSW-1"], ["BrandB"], "the WUM sends its SSW information, the user picks SSW-1"),
    };

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken) =>
        ExecuteAsync(s, cancellationToken).GetAwaiter().GetResult();

    private static async Task<int> ExecuteAsync(Settings s, CancellationToken ct)
    {
        var id = s.Embodiment!.ToUpperInvariant();
        var example = Examples[id];
        var seed = s.Seed ?? CheckContext.DefaultSeed;
        await using var world = new PaymentWorld(seed, TimeSpan.FromSeconds(10), WorldTransport.Http);
        var user = new ScriptedUser(example.Answers);
        var e = EmbodimentWorld.Build(world, example.Topology, user);
        new Attach.ServedConsole(world, e, user, id == "E1" ? example.Answers[0] : null);

        AnsiConsole.MarkupLineInterpolated($"[bold]MultiWallet serve {id}[/] (seed {seed}): {example.Story}");
        var map = new Table().Title("address map (loopback only)").AddColumns("address", "listens at");
        foreach (var line in ((HttpNetwork)world.Wire).RenderAddressMap().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var sp = line.IndexOf(' ');
            map.AddRow(Markup.Escape(line[..sp]), Markup.Escape(line[(sp + 1)..]));
        }
        AnsiConsole.Write(map);

        var ok = true;
        for (var i = 0; i < example.WakeUps.Length; i++)
        {
            var brand = example.WakeUps[i];
            var mark = world.Trace.Count;
            var outcome = await e.PayAsync(world.WakeUp($"ORD-{i + 1}", brand), ct).ConfigureAwait(false);
            var color = outcome is Paid ? "green" : "yellow";
            AnsiConsole.MarkupLine($"[bold]wake-up {i + 1}[/] ({Markup.Escape(brand)}): [{color}]{Markup.Escape(outcome.ToString())}[/]");
            foreach (var ev in world.Trace.Since(mark)) Console.WriteLine("  " + ev.Render()); // unwrapped: one event per line
            ok &= outcome is Paid || (id == "E1" && brand == "BrandB"); // E1's B is refused by design
        }
        foreach (var q in user.Log) AnsiConsole.MarkupLineInterpolated($"[grey]user was asked[/] {q.Question} [grey]offered[/] [[{string.Join(", ", q.Options)}]] [grey]answered[/] {q.Answer ?? "nothing"}");
        AnsiConsole.MarkupLineInterpolated($"gateway authorizations: {world.Gateway.TotalAuthorizations}");

        if (!s.Once)
        {
            var console = ((HttpNetwork)world.Wire).AddressMap[Attach.ConsoleProtocol.Console];
            var file = Path.Combine(Directory.CreateDirectory(s.Out).FullName, $"serve-{id}.yaml");
            await File.WriteAllTextAsync(file, Attach.ServedScenario.Yaml($"served {id}: {example.Story}", example.Topology, example.Answers, example.WakeUps), ct).ConfigureAwait(false);
            AnsiConsole.MarkupLineInterpolated($"watch purchases through this topology (edit the file for others): dotnet run --project audit -- check {file} --attach {console}");
            AnsiConsole.MarkupLine("serving; press [bold]Ctrl+C[/] to stop");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            ConsoleCancelEventHandler onCancel = (_, a) => { a.Cancel = true; stop.Cancel(); };
            Console.CancelKeyPress += onCancel;
            try { await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) { }
            finally { Console.CancelKeyPress -= onCancel; }
            AnsiConsole.WriteLine("stopping");
        }
        return ok ? AuditApp.ExitOk : AuditApp.ExitFailed;
    }
}
