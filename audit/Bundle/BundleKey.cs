using System.Security.Cryptography;
using Spectre.Console;

namespace MultiWallet.Audit.Bundle;

/// <summary>The `verify --sign-key` option: load the given key or generate one, and say which on the console.</summary>
internal static class BundleKey
{
    /// <summary>The key in <paramref name="pemPath"/>, or a fresh ECDSA P-256 key when null; null after printing why the file cannot be used.</summary>
    public static SigningKey? Load(string? pemPath, IAnsiConsole console)
    {
        if (pemPath is null) return SigningKey.Generate();
        try { return SigningKey.FromPem(File.ReadAllText(pemPath)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BundleKeyException or CryptographicException or ArgumentException)
        {
            console.MarkupLineInterpolated($"[red]usage error:[/] --sign-key {pemPath}: {e.Message}");
            return null;
        }
    }

    /// <summary>One line saying what signed the bundle and what that proves.</summary>
    public static void Describe(SigningKey key, IAnsiConsole console) =>
        console.WriteLine(key.Generated
            ? $"signed: {BundleFiles.Envelope} with a generated {key.Description} key (keyid {key.KeyId[..16]}); {BundleFiles.PublicKey} proves integrity, not identity: sign with --sign-key KEY.pem to prove who made it"
            : $"signed: {BundleFiles.Envelope} with the --sign-key {key.Description} key (keyid {key.KeyId[..16]}); check it with verify-bundle DIR --key PUB.pem");
}
