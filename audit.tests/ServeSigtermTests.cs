using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// `serve` as a child process stops on SIGTERM as on Ctrl+C: exit 0, every port it listened on free again.
/// The waits are hang guards only, generous for a loaded 2-core machine; no verdict depends on how long it took.
/// </summary>
public sealed partial class ServeSigtermTests
{
    private static readonly TimeSpan StartBound = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Serve_stops_on_SIGTERM_with_exit_0_and_frees_its_ports()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // SIGTERM is a POSIX signal
        var dir = Path.Combine(Path.GetTempPath(), "mw-serve-" + Guid.NewGuid().ToString("N"));
        var exe = Path.Combine(AppContext.BaseDirectory, "MultiWallet.Audit.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { exe, "serve", "--embodiment", "E1", "--out", dir }) psi.ArgumentList.Add(a);
        var output = new StringBuilder();
        var serving = new TaskCompletionSource();
        using var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            if (e.Data.Contains("serving;", StringComparison.Ordinal)) serving.TrySetResult();
        };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        try
        {
            p.Start();
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            var up = await Task.WhenAny(serving.Task, Task.Delay(StartBound)) == serving.Task;
            Assert.True(up && !p.HasExited, $"serve did not come up:\n{Text(output)}");
            var ports = Port().Matches(Text(output)).Select(m => int.Parse(m.Groups[1].Value)).Distinct().ToList();
            Assert.NotEmpty(ports);
            Assert.All(ports, port => Assert.False(IsFree(port), $"port {port} should be in use while serving"));

            using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString()])) await kill!.WaitForExitAsync();

            using var bound = new CancellationTokenSource(StopBound);
            try { await p.WaitForExitAsync(bound.Token); }
            catch (OperationCanceledException) { Assert.Fail($"serve did not stop on SIGTERM:\n{Text(output)}"); }
            Assert.Equal(0, p.ExitCode);
            Assert.Contains("stopping", Text(output), StringComparison.Ordinal);
            Assert.All(ports, port => Assert.True(IsFree(port), $"port {port} still in use after serve stopped"));
        }
        finally
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    private static string Text(StringBuilder b) { lock (b) return b.ToString(); }

    /// <summary>True when nothing listens on the loopback port (a listener of ours can bind it).</summary>
    private static bool IsFree(int port)
    {
        try
        {
            var l = new TcpListener(IPAddress.Loopback, port);
            // Connections the server closed may linger in TIME_WAIT on the port; only a listener makes it taken.
            l.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            l.Start();
            l.Stop();
            return true;
        }
        catch (SocketException) { return false; }
    }

    [GeneratedRegex(@"https://127\.0\.0\.1:(\d+)/")]
    private static partial Regex Port();
}
