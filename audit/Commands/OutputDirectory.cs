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

    /// <summary>
    /// The full path a bundle will be renamed into (<see cref="Bundle.AtomicBundleDirectory"/>), its parent created; null after
    /// printing why it cannot be used. An existing directory must be empty or a bundle, since it is replaced whole.
    /// </summary>
    public static string? ForBundle(string path, IAnsiConsole console)
    {
        try
        {
            var full = Path.GetFullPath(path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
            if (File.Exists(full)) return Refuse($"{full} is a file");
            if (Path.GetDirectoryName(full) is not { } parent) return Refuse("a bundle cannot be the root directory");
            Directory.CreateDirectory(parent);
            if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any()
                && !File.Exists(Path.Combine(full, "evidence.json")) && !File.Exists(Path.Combine(full, Bundle.BundleFiles.Envelope)))
                return Refuse($"{full} exists and is not an evidence bundle; the bundle replaces the whole directory, so give a new or empty one");
            return full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Refuse(e.Message);
        }

        string? Refuse(string why)
        {
            console.MarkupLineInterpolated($"[red]usage error:[/] --out {path}: {why}");
            return null;
        }
    }
}
