using Spectre.Console;

namespace MultiWallet.Audit.Commands;

/// <summary>The `--out DIR` every writing verb takes: created if missing; an unusable one is bad usage (exit 2).</summary>
internal static class OutputDirectory
{
    /// <summary>The full path of the created directory, or null after printing why it cannot be used.</summary>
    public static string? Create(string path, IAnsiConsole console)
    {
        try { return Directory.CreateDirectory(path).FullName; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.MarkupLineInterpolated($"[red]usage error:[/] --out {path}: {e.Message}");
            return null;
        }
    }
}
