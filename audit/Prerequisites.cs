using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit;

/// <summary>
/// External programs some checks need, found on PATH before a run starts, so that a missing one is named as a missing
/// prerequisite (exit 2) and never shows up as an exception inside a failed check.
/// </summary>
public static class Prerequisites
{
    /// <summary>The openssl command line: the interop checks hand our artifacts to it as an independent judge.</summary>
    public const string OpenSsl = "openssl";

    /// <summary>
    /// The one-line error naming the first program the selected <paramref name="checks"/> need and <paramref name="path"/>
    /// (a PATH value) lacks, or null when nothing is missing.
    /// </summary>
    public static string? Missing(IEnumerable<CheckEntry> checks, string? path)
    {
        var interop = checks.Where(c => c.Meta.Kind == CheckKind.Interop).Select(c => c.Id).ToList();
        if (interop.Count == 0 || Find(OpenSsl, path) is not null) return null;
        return $"missing prerequisite: {OpenSsl} (needed by the openssl interop checks: {string.Join(", ", interop)}); "
            + "install it (Debian/Ubuntu: apt-get install openssl; macOS: brew install openssl; Windows: winget install ShiningLight.OpenSSL) "
            + "and put it on PATH, or select other checks with --only";
    }

    /// <summary>Throws <see cref="MissingPrerequisiteException"/> (exit 2) when a program the selected <paramref name="checks"/> need is not on PATH.</summary>
    public static void Require(IEnumerable<CheckEntry> checks)
    {
        if (Missing(checks, Environment.GetEnvironmentVariable("PATH")) is { } message) throw new MissingPrerequisiteException(message);
    }

    /// <summary>The full path of <paramref name="program"/> in the directories of <paramref name="path"/>, or null.</summary>
    public static string? Find(string program, string? path)
    {
        var names = OperatingSystem.IsWindows() ? new[] { program + ".exe", program + ".cmd", program } : [program];
        foreach (var dir in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            foreach (var n in names)
            {
                var full = Path.Combine(dir, n);
                if (File.Exists(full)) return full;
            }
        return null;
    }
}
