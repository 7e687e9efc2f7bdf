namespace MultiWallet.Audit.Bundle;

/// <summary>
/// Writes a bundle into a temporary sibling folder and renames it into place only once it is complete, so that an
/// interrupted run (Ctrl+C, a crash, a failing writer) leaves the previous bundle as it was and never a half-new one.
/// </summary>
public static class AtomicBundleDirectory
{
    private const string PartialMark = ".partial-", PreviousMark = ".previous-";

    /// <summary>
    /// Runs <paramref name="write"/> on a fresh temporary sibling of <paramref name="target"/>, then replaces
    /// <paramref name="target"/> with it. If <paramref name="write"/> throws, the temporary folder is removed and
    /// <paramref name="target"/> is untouched. Leftovers of runs that were killed are removed first.
    /// </summary>
    public static void Write(string target, Action<string> write)
    {
        var full = Path.GetFullPath(target.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var parent = Path.GetDirectoryName(full) ?? throw new IOException($"{target}: no parent directory");
        var name = Path.GetFileName(full);
        Directory.CreateDirectory(parent);
        RecoverLeftovers(parent, name, full);
        var temp = Path.Combine(parent, $".{name}{PartialMark}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            write(temp);
        }
        catch
        {
            Directory.Delete(temp, recursive: true);
            throw;
        }
        // A directory cannot be renamed over a non-empty one: move the old one aside, move the new one in, drop the old.
        // Between the two renames the target is briefly absent; it is never half-new.
        string? previous = null;
        if (Directory.Exists(full))
        {
            previous = Path.Combine(parent, $".{name}{PreviousMark}{Environment.ProcessId}-{Guid.NewGuid():N}");
            Directory.Move(full, previous);
        }
        Directory.Move(temp, full);
        if (previous is not null) Directory.Delete(previous, recursive: true);
    }

    /// <summary>
    /// Cleans up after a run that was killed (its process is gone): its half-written folder is removed; a previous bundle
    /// it had moved aside but not yet replaced is moved back.
    /// </summary>
    private static void RecoverLeftovers(string parent, string name, string full)
    {
        foreach (var d in Directory.EnumerateDirectories(parent, $".{name}.*"))
        {
            var rest = Path.GetFileName(d)[(name.Length + 1)..];
            var mark = rest.StartsWith(PartialMark, StringComparison.Ordinal) ? PartialMark : rest.StartsWith(PreviousMark, StringComparison.Ordinal) ? PreviousMark : null;
            if (mark is null || !int.TryParse(rest[mark.Length..].Split('-')[0], out var pid) || Alive(pid)) continue;
            try
            {
                if (mark == PreviousMark && !Directory.Exists(full)) Directory.Move(d, full);
                else Directory.Delete(d, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* another run's; left for it */ }
        }
    }

    private static bool Alive(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try { using var p = System.Diagnostics.Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }
}
