using System.Runtime.CompilerServices;

namespace MultiWallet.Checks.Traces.TraceRendering;

/// <summary>
/// Where the committed trace snapshots live: <c>checks/Traces/__snapshots__/&lt;scenario&gt;.snap</c>. Every reader
/// names the file explicitly instead of deriving it from a test name, so a catalog check run by the audit command
/// (no xunit context) and the Snapshooter-backed tests find the same file.
/// Lookup order: the source folder of this file (compile-time path; works for tests and for an audit built on the
/// same checkout), then a <c>checks/Traces/__snapshots__</c> folder above the working directory (audit run from the
/// repository root), then the copy in the output directory (the .csproj copies the .snap files there as content).
/// </summary>
public static class SnapshotStore
{
    /// <summary>The folder name Snapshooter uses, kept so its review workflow (<c>__mismatch__</c>) applies unchanged.</summary>
    public const string FolderName = "__snapshots__";

    /// <summary>The folder that <em>contains</em> <c>__snapshots__</c> in the source tree (<c>checks/Traces</c>).</summary>
    public static string SourceFolder { get; } = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, ".."));

    /// <summary>The snapshot file name of a scenario.</summary>
    public static string FileName(string scenario) => scenario + ".snap";

    /// <summary>The .snap file of <paramref name="scenario"/> under <paramref name="folder"/> (default: <see cref="Folder()"/>).</summary>
    public static string SnapPath(string scenario, string? folder = null) =>
        Path.Combine(folder ?? Folder() ?? SourceFolder, FolderName, FileName(scenario));

    /// <summary>The file Snapshooter writes on a mismatch.</summary>
    public static string MismatchPath(string scenario, string? folder = null) =>
        Path.Combine(folder ?? Folder() ?? SourceFolder, FolderName, "__mismatch__", FileName(scenario));

    /// <summary>The folder holding <c>__snapshots__</c> to read from (see class remarks); null when none exists.</summary>
    public static string? Folder() => Folder(SourceFolder, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>The lookup of <see cref="Folder()"/> with its three inputs explicit (tested on its own).</summary>
    public static string? Folder(string sourceFolder, string workingDirectory, string outputDirectory)
    {
        if (Directory.Exists(Path.Combine(sourceFolder, FolderName))) return sourceFolder;
        for (var d = new DirectoryInfo(workingDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "checks", "Traces");
            if (Directory.Exists(Path.Combine(candidate, FolderName))) return candidate;
        }
        return Directory.Exists(Path.Combine(outputDirectory, FolderName)) ? outputDirectory : null;
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
