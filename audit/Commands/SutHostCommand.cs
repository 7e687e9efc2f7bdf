using System.ComponentModel;
using System.Net;
using MultiWallet.Audit.SutHost;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiWallet.Audit.Commands;

/// <summary>
/// `sut-host`: our own implementation of a role as a separate process behind the provisioning interface, so that
/// `verify --sut ROLE=URL` can be run against it exactly as against anyone else's.
/// </summary>
public sealed class SutHostCommand(IAnsiConsole console, ErrorConsole errors) : AsyncCommand<SutHostCommand.Settings>
{
    /// <summary>Exit codes of the verb.</summary>
    public const string ExitCodes = "Exit codes: 0 stopped (Ctrl+C or end of standard input); 2 bad usage or a bad option value.";

    /// <summary>The options of the verb.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The role to play (MSW or SSW).</summary>
        [CommandOption("--role <ROLE>")]
        [Description("The role to play: MSW (the master server wallet, E7–E12) SSW (every slave wallet and E8 custodian of each topology, each at an HTTPS origin of its own) or PC (the selector and WUMs or the multi-server WUM, E1–E6, with the user port).")]
        [DefaultValue("MSW")]
        public string Role { get; init; } = "MSW";

        /// <summary>Where provisioning listens: a loopback http:// URL (port 0: the OS picks; the real URL is printed).</summary>
        [CommandOption("--listen <URL>")]
        [Description("Where provisioning listens: http://127.0.0.1:PORT (loopback only; port 0 lets the OS pick, the URL is printed).")]
        [DefaultValue("http://127.0.0.1:0")]
        public string Listen { get; init; } = "http://127.0.0.1:0";

        /// <summary>Seed a defect (for tests that the campaign catches one).</summary>
        [CommandOption("--defect <NAME>")]
        [Description("Seed a defect: route-last (MSW, E7/E8: the last capable slave instead of the first), unheld-brand (SSW: a slave answers for a brand it does not hold instead of refusing BrandNotHeld), admit-replay (PC: the wake-up gate forgets what it admitted), forgets-on-restart (PC: a restarted PC reads back nothing of its disk), malformed-reply (any role: PUT /provision/topology answers 200 with a body that is not JSON), accept-any-mac (MSW: the master takes a session request without checking its MAC).")]
        public string? Defect { get; init; }

        /// <summary>The role, upper case.</summary>
        public string ParsedRole => Role.ToUpperInvariant();

        /// <summary>The parsed --defect.</summary>
        public SutDefect? ParsedDefect => Defect?.ToLowerInvariant() switch
        {
            "route-last" => SutDefect.RouteLast,
            "unheld-brand" => SutDefect.UnheldBrand,
            "malformed-reply" => SutDefect.MalformedReply,
            "accept-any-mac" => SutDefect.AcceptAnyMac,
            "admit-replay" => SutDefect.AdmitReplay,
            "forgets-on-restart" => SutDefect.ForgetsOnRestart,
            _ => null,
        };

        /// <summary>The --listen end point, or null.</summary>
        public IPEndPoint? EndPoint =>
            Uri.TryCreate(Listen, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttp && IPAddress.TryParse(u.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)
                ? new IPEndPoint(ip, u.Port) : null;

        /// <summary>Bad values are usage errors (exit 2).</summary>
        public override ValidationResult Validate()
        {
            if (ParsedRole is not ("MSW" or "SSW" or "PC")) return ValidationResult.Error($"--role: {Role} is not played (MSW, SSW or PC)");
            if (EndPoint is null) return ValidationResult.Error($"--listen: {Listen} is not http://<loopback address>:PORT (provisioning carries private keys)");
            if (Defect is not null && ParsedDefect is null) return ValidationResult.Error($"--defect: unknown {Defect} (expected route-last, unheld-brand, admit-replay, forgets-on-restart, malformed-reply or accept-any-mac)");
            if (ParsedDefect == SutDefect.AdmitReplay && ParsedRole != "PC") return ValidationResult.Error("--defect admit-replay is the PC's defect: --role PC only");
            if (ParsedDefect == SutDefect.ForgetsOnRestart && ParsedRole != "PC") return ValidationResult.Error("--defect forgets-on-restart is the PC's defect: --role PC only");
            if (ParsedDefect == SutDefect.RouteLast && ParsedRole != "MSW") return ValidationResult.Error("--defect route-last is a master's routing defect: --role MSW only");
            if (ParsedDefect == SutDefect.AcceptAnyMac && ParsedRole != "MSW") return ValidationResult.Error("--defect accept-any-mac is a master's defect: --role MSW only");
            if (ParsedDefect == SutDefect.UnheldBrand && ParsedRole != "SSW") return ValidationResult.Error("--defect unheld-brand is a slave's defect: --role SSW only");
            return ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        _ = errors;
        await using var server = await ProvisioningServer.StartAsync(s.EndPoint!, s.ParsedRole, s.ParsedDefect).ConfigureAwait(false);
        console.WriteLine($"sut-host: {s.ParsedRole} provisioning at {server.Url}");
        // Runs until cancelled (Ctrl+C) or until standard input ends (a parent process closing its pipe).
        var stdin = Task.Run(() => { while (Console.In.ReadLine() is not null) { } }, CancellationToken.None);
        try { await Task.WhenAny(stdin, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false); }
        catch (OperationCanceledException) { }
        return AuditApp.ExitOk;
    }
}
