using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace MultiWallet.Audit.Evidence;

/// <summary>Captures the reproducibility block: the commit and its dirty flag, the toolchain, and the packages the audit was built with.</summary>
public static class BuildEnvironment
{
    /// <summary>The bundle file the suite's own SBOM goes to.</summary>
    public const string SbomFile = "sbom.cdx.json";

    /// <summary>The commit the audit runs from, or "unknown".</summary>
    public static string GitCommit() =>
        ToolProbe.Run("git", "rev-parse HEAD") is { Length: >= 7 } c ? c : "unknown";

    /// <summary>Whether the working tree has changes (tracked or untracked), or null outside a git checkout.</summary>
    public static bool? GitDirty() =>
        ToolProbe.Run("git", "status --porcelain") is { } s ? s.Length > 0 : null;

    /// <summary>
    /// Captures the block for a run of <paramref name="command"/>; <paramref name="commit"/> and <paramref name="dirty"/> are
    /// taken by the caller at the start of the run (<see cref="GitCommit"/>, <see cref="GitDirty"/>), before it writes anything.
    /// </summary>
    public static ReproducibilityRecord Capture(string command, int seed, int cases, int fullBudget, string network, IReadOnlyList<string> filter,
        string commit, bool? dirty)
    {
        var (source, packages) = Packages();
        return new ReproducibilityRecord(command, commit, dirty, seed, cases, fullBudget, network, filter,
            ToolProbe.Run("dotnet", "--version") ?? "unknown",
            RuntimeInformation.FrameworkDescription,
            $"{RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()})",
            ToolProbe.Run("openssl", "version") ?? "not found",
            SbomFile, source, packages);
    }

    /// <summary>
    /// The libraries of the audit's deps.json, which the build writes beside the assembly with every package's version and
    /// NuGet SHA-512; the test host's own deps.json when the audit runs in-process.
    /// </summary>
    public static (string Source, IReadOnlyList<PackageRecord> Packages) Packages()
    {
        var beside = Path.Combine(Path.GetDirectoryName(typeof(BuildEnvironment).Assembly.Location) ?? AppContext.BaseDirectory, "MultiWallet.Audit.deps.json");
        var path = File.Exists(beside) ? beside
            : (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string)?.Split(Path.PathSeparator).FirstOrDefault(File.Exists);
        if (path is null) return ("none found", []);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var packages = doc.RootElement.GetProperty("libraries").EnumerateObject().Select(l =>
        {
            var slash = l.Name.LastIndexOf('/');
            var sha = l.Value.TryGetProperty("sha512", out var s) ? s.GetString() ?? "" : "";
            return new PackageRecord(l.Name[..slash], l.Name[(slash + 1)..], l.Value.GetProperty("type").GetString() ?? "", Hex(sha));
        }).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        return (Path.GetFileName(path), packages);
    }

    /// <summary>The audit's version.</summary>
    public static string ToolVersion() =>
        typeof(BuildEnvironment).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private static string Hex(string nugetSha512) =>
        nugetSha512.StartsWith("sha512-", StringComparison.Ordinal)
            ? Convert.ToHexStringLower(Convert.FromBase64String(nugetSha512["sha512-".Length..]))
            : "";
}
