using System.ComponentModel;
using System.Diagnostics;
using MultiWallet.Audit.Bundle;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiWallet.Audit.Commands;

/// <summary>`verify-bundle DIR [--key PUB.pem]`: check a bundle's signature and the digest of every file.</summary>
public sealed class VerifyBundleCommand(IAnsiConsole console, ErrorConsole errors) : Command<VerifyBundleCommand.Settings>
{
    /// <summary>The arguments of the verb.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The bundle directory (verify's --out).</summary>
        [CommandArgument(0, "<DIR>")]
        [Description("The bundle directory (verify's --out).")]
        public string Dir { get; init; } = "";

        /// <summary>The signer's public key (PEM); default: the bundle's own bundle.pub.pem, which proves integrity only.</summary>
        [CommandOption("--key <PUB>")]
        [Description("The signer's public key (PEM). Default: the bundle's own bundle.pub.pem, which proves integrity, not identity.")]
        public string? Key { get; init; }
    }

    /// <summary>Runs the verb: 0 verified, 1 a named file changed / is missing / is extra or the signature fails, 2 unusable input.</summary>
    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        BundleVerification result;
        try
        {
            var pem = s.Key is null ? null : File.ReadAllText(s.Key);
            result = BundleVerifier.Verify(s.Dir, pem);
        }
        catch (Exception e) when (e is BundleUnusableException or BundleKeyException or IOException or UnauthorizedAccessException)
        {
            errors.Console.MarkupLineInterpolated($"[red]usage error:[/] {e.Message}");
            return AuditApp.ExitUsage;
        }
        foreach (var p in result.Problems)
            console.MarkupLineInterpolated($"[red]FAILED[/] {p.File}: {p.What}");
        if (!result.Verified)
        {
            console.MarkupLineInterpolated($"[red bold]NOT VERIFIED[/]: {s.Dir} ({result.Problems.Count} problem(s))");
            return AuditApp.ExitFailed;
        }
        var how = s.Key is null ? $"its own {BundleFiles.PublicKey} (integrity, not identity)" : $"the given key";
        console.MarkupLineInterpolated($"[green bold]VERIFIED[/]: {s.Dir}: signature with {how}, keyid {result.KeyId[..16]}; {result.Subjects} file(s) match their SHA-256, none missing or extra ({watch.Elapsed.TotalSeconds:0.000} s)");
        return AuditApp.ExitOk;
    }
}
