using System.Diagnostics;

namespace MultiWallet.Audit.Evidence;

/// <summary>Runs a small external command (git, dotnet, openssl) for the reproducibility block; a missing tool is "unknown", never an error.</summary>
internal static class ToolProbe
{
    /// <summary>The trimmed standard output of <paramref name="file"/> <paramref name="args"/>, or null when it cannot run or exits non-zero.</summary>
    public static string? Run(string file, string args, string? workingDirectory = null)
    {
        try
        {
            var psi = new ProcessStartInfo(file, args)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
            };
            using var p = Process.Start(psi);
            if (p is null) return null;
            var errors = p.StandardError.ReadToEndAsync();
            var output = p.StandardOutput.ReadToEnd();
            if (!p.WaitForExit(10_000)) { p.Kill(entireProcessTree: true); return null; }
            _ = errors.Result;
            return p.ExitCode == 0 ? output.TrimEnd() : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
