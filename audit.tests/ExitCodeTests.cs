using System.Net;
using System.Net.Sockets;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// Every exit code is documented in the verb's help and true, and no expected condition (a bad file, an unreachable
/// or silent served topology, bad usage) prints a stack trace.
/// </summary>
public sealed class ExitCodeTests
{
    private static void NoStackTrace(string output) => Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);

    /// <summary>A TLS root file for --attach (of a seeded world: nothing here is served under it).</summary>
    private static string RootPem()
    {
        var path = Path.Combine(Path.GetTempPath(), "mw-root-" + Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(path, MultiWallet.Impl.World.WorldKeys.Seeded(20000203).Tls.RootPem);
        return path;
    }

    [Theory]
    [InlineData("verify", new[] { "0 every selected check passed", "1 a check failed", "2 bad usage", "3 internal error", "4 inconclusive" })]
    [InlineData("check", new[] { "0 model and implementation agree", "1 they disagree", "2 bad usage", "3 internal error", "4 inconclusive" })]
    public void Help_documents_every_exit_code(string verb, string[] codes)
    {
        var run = AuditTester.Run(verb, "--help");
        Assert.Equal(0, run.ExitCode);
        var flat = string.Join(' ', run.Output.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        foreach (var c in codes) Assert.Contains(c, flat, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_file_exits_2_without_a_stack_trace()
    {
        var path = Path.Combine(Path.GetTempPath(), "mw-bad-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, "embodiment: E99\n");
        try
        {
            var run = AuditTester.Run("check", path);
            Assert.Equal(2, run.ExitCode);
            NoStackTrace(run.Output);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void An_unreachable_served_topology_exits_2_without_a_stack_trace()
    {
        var port = FreePort();
        var run = AuditTester.Run("check", Path.Combine(CheckCommandTests.ScenariosDir(), "E12.yaml"), "--attach", $"https://127.0.0.1:{port}/", "--tls-root", RootPem(), "--timeout", "5");
        Assert.Equal(2, run.ExitCode);
        NoStackTrace(run.Output);
    }

    [Fact]
    public void A_silent_served_topology_is_inconclusive_exit_4_without_a_stack_trace()
    {
        // Accepts connections and never answers: only the wall-clock limit ends the wait, so nothing can be judged.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = new System.Collections.Concurrent.ConcurrentBag<Socket>();
        _ = Task.Run(async () =>
        {
            try { while (true) accepted.Add(await listener.AcceptSocketAsync()); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        });
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var run = AuditTester.Run("check", Path.Combine(CheckCommandTests.ScenariosDir(), "E12.yaml"), "--attach", $"https://127.0.0.1:{port}/", "--tls-root", RootPem(), "--timeout", "0.5");
            Assert.Equal(4, run.ExitCode);
            Assert.Contains("inconclusive", run.Output, StringComparison.Ordinal);
            NoStackTrace(run.Output);
            var json = AuditTester.Run("check", Path.Combine(CheckCommandTests.ScenariosDir(), "E12.yaml"), "--attach", $"https://127.0.0.1:{port}/", "--tls-root", RootPem(), "--timeout", "0.5", "--json");
            Assert.Equal(4, json.ExitCode);
            Assert.Contains("\"inconclusive\"", json.Output, StringComparison.Ordinal);
        }
        finally
        {
            listener.Stop();
            foreach (var s in accepted) s.Dispose();
        }
    }

    [Fact]
    public void A_bad_timeout_is_bad_usage() =>
        Assert.Equal(2, AuditTester.Run("check", Path.Combine(CheckCommandTests.ScenariosDir(), "E12.yaml"), "--timeout", "0").ExitCode);

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
