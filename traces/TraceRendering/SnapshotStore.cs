using System.Runtime.CompilerServices;
using Snapshooter;

namespace MultiWallet.Traces.TraceRendering;

/// <summary>
/// Where the committed trace snapshots live: <c>traces/__snapshots__/&lt;scenario&gt;.snap</c>. Both the xunit tests and
/// the catalog checks name the file explicitly (<see cref="SnapshotFullName"/>) instead of letting Snapshooter derive
/// it from the calling test, so a catalog check run by the audit command (no xunit context) finds the same file.
/// Lookup order: the source folder of this file (compile-time path; works for tests and for an audit built on the
/// same checkout), then a <c>traces/__snapshots__</c> folder above the working directory (audit run from the
/// repository root), then the copy in the output directory (the .csproj copies the .snap files there as content).
/// </summary>
public static class SnapshotStore
{
    public const string FolderName = "__snapshots__";

    /// <summary>
    /// The traces project folder in the source tree. Snapshooter's <see cref="SnapshotFullName.FolderPath"/> is the folder
    /// that <em>contains</em> <c>__snapshots__</c> (it appends the folder name itself), so that is what is passed around.
    /// </summary>
    public static string SourceFolder { get; } = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, ".."));

    /// <summary>The .snap file a full name designates.</summary>
    public static string SnapPath(SnapshotFullName n) => Path.Combine(n.FolderPath, FolderName, n.Filename);

    /// <summary>The file Snapshooter writes on a mismatch.</summary>
    public static string MismatchPath(SnapshotFullName n) => Path.Combine(n.FolderPath, FolderName, "__mismatch__", n.Filename);

    public static string FileName(string scenario) => scenario + ".snap";

    /// <summary>The folder holding <c>__snapshots__</c> to read from (see class remarks); null when none exists.</summary>
    public static string? Folder() => Folder(SourceFolder, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>The lookup of <see cref="Folder()"/> with its three inputs explicit (tested on its own).</summary>
    public static string? Folder(string sourceFolder, string workingDirectory, string outputDirectory)
    {
        if (Directory.Exists(Path.Combine(sourceFolder, FolderName))) return sourceFolder;
        for (var d = new DirectoryInfo(workingDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "traces");
            if (Directory.Exists(Path.Combine(candidate, FolderName))) return candidate;
        }
        return Directory.Exists(Path.Combine(outputDirectory, FolderName)) ? outputDirectory : null;
    }

    public static SnapshotFullName FullName(string scenario, string? folder = null) => new(FileName(scenario), folder ?? Folder() ?? SourceFolder);

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
