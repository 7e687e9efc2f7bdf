using Spectre.Console.Cli.Testing;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// `verify --sut MSW=URL` and `--sut SSW=URL` against our own master, or our own slaves and custodians, run as a separate
/// process (`sut-host`): the faithful ones pass, ones with a seeded defect are caught with a counterexample shrunk against
/// the process, and a malformed provisioning reply is a protocol failure shown with its exchange. The waits are hang guards only.
/// </summary>
public sealed partial class SutHostTests
{
    private static readonly TimeSpan StartBound = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Verify_sut_passes_against_our_own_MSW_in_another_process_and_names_it()
    {
        await using var host = await SutHostProcess.StartAsync("MSW");
        using var dir = new TempFolder("mw-sut");
        var r = VerifySut("MSW", host.Url, 2, "E7,E9", dir);
        Assert.True(r.ExitCode == 0, r.Output);
        var sut = SutJson(dir);
        Assert.Equal("holds", (string?)sut["verdict"]);
        Assert.Equal(host.Url.ToString(), (string?)sut["sut"]!["url"]);
        Assert.StartsWith("MultiWallet reference MSW", (string?)sut["sut"]!["name"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty((string?)sut["sut"]!["version"]));
        Assert.Equal(["MSW"], sut["sut"]!["rolesReplaced"]!.AsArray().Select(x => (string?)x));
        var embodiments = sut["embodiments"]!.AsArray();
        Assert.Equal(["E7", "E9"], embodiments.Select(e => (string?)e!["embodiment"]));
        // Something was judged: a run where every case was "not run" would hold vacuously.
        Assert.True(embodiments.Sum(e => (int)e!["held"]!) >= 2, r.Output);
        // The result is signed evidence: verify-bundle accepts it, and a changed sut.json is caught.
        Assert.Contains("signed: bundle.dsse.json", r.Output, StringComparison.Ordinal);
        var ok = AuditTester.Run("verify-bundle", dir.Dir);
        Assert.True(ok.ExitCode == 0, ok.Output);
        File.AppendAllText(Path.Combine(dir.Dir, "sut.json"), " ");
        Assert.Equal(1, AuditTester.Run("verify-bundle", dir.Dir).ExitCode);
        // The attacker played against the process too, and its events reached their positions.
        foreach (var e in embodiments)
        {
            var attacks = e!["attacks"]!;
            Assert.True((int)attacks["run"]! >= 1 && (int)attacks["fired"]! >= 1 && (int)attacks["held"]! == (int)attacks["run"]!, r.Output);
        }
    }

    [Fact]
    public async Task Verify_sut_attacker_catches_a_master_that_takes_any_session_mac()
    {
        await using var host = await SutHostProcess.StartAsync("MSW", "--defect", "accept-any-mac");
        using var dir = new TempFolder("mw-sut");
        var r = VerifySut("MSW", host.Url, 2, "E7", dir);
        Assert.True(r.ExitCode == 1, r.Output);
        var e7 = SutJson(dir)["embodiments"]![0]!;
        // The honest cases cannot see it: only a session the user did not open shows it (SPEC.md INV-SESSION-AUTH).
        Assert.Equal(0, (int)e7["violated"]!);
        var c = e7["attacks"]!["counterexample"]!;
        Assert.Equal("PROP-INV-SESSION-AUTH", (string?)c["property"]);
        Assert.Contains("a session the user did not open went on", (string)c["violation"]!, StringComparison.Ordinal);
        Assert.Matches(@"attacker (N-PC|LOCAL)\n!0 (ForgedWakeUp|SessionHijack|SessionRace)", ((string)c["shrunk"]!).ReplaceLineEndings("\n"));
        Assert.Contains("attack counterexample E7", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_sut_catches_a_seeded_routing_defect_with_a_shrunk_counterexample()
    {
        await using var host = await SutHostProcess.StartAsync("MSW", "--defect", "route-last");
        using var dir = new TempFolder("mw-sut");
        var r = VerifySut("MSW", host.Url, 2, "E7", dir);
        Assert.True(r.ExitCode == 1, r.Output);
        var e7 = SutJson(dir)["embodiments"]![0]!;
        var c = e7["counterexample"]!;
        Assert.Equal("INV-CONFORM", (string?)c["invariant"]);
        // E7 routes to the first listed capable slave (SPEC.md E7; docs/DECISIONS.md "Routing, per embodiment"): the defect picks another.
        Assert.Matches(@"model: Routed\(MSW, (SSW-\d+).*\n\s*impl:\s+Routed\(MSW, (?!\1\b)SSW-\d+", (string)c["violation"]!);
        var shrunk = (string)c["shrunk"]!;
        Assert.True(Steps(shrunk) <= Steps((string)c["original"]!), shrunk);
        Assert.True((int)c["shrinkRuns"]! > 0);
        Assert.Contains("counterexample E7", r.Output, StringComparison.Ordinal);
        Assert.Contains("replay (", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_sut_refuses_a_provisioning_url_off_loopback()
    {
        var r = AuditTester.Run("verify", "--sut", "MSW=http://192.0.2.1:7000", "--cases", "1");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not loopback", r.Output, StringComparison.Ordinal);
        Assert.Equal(2, AuditTester.Run("verify", "--sut", "SW=http://127.0.0.1:7000", "--cases", "1").ExitCode);
    }

    [Fact]
    public void Verify_sut_refuses_two_systems_under_test_in_one_run()
    {
        var r = AuditTester.Run("verify", "--sut", "MSW=http://127.0.0.1:7000", "--sut", "SSW=http://127.0.0.1:7001", "--cases", "1");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("one system under test per run", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_sut_passes_against_our_own_slaves_and_custodians_in_another_process()
    {
        await using var host = await SutHostProcess.StartAsync("SSW");
        using var dir = new TempFolder("mw-sut");
        var r = VerifySut("SSW", host.Url, 2, "E7,E8", dir);
        Assert.True(r.ExitCode == 0, r.Output);
        var sut = SutJson(dir);
        Assert.Equal("holds", (string?)sut["verdict"]);
        Assert.StartsWith("MultiWallet reference SSW", (string?)sut["sut"]!["name"], StringComparison.Ordinal);
        Assert.Equal(["SSW"], sut["sut"]!["rolesReplaced"]!.AsArray().Select(x => (string?)x));
        var embodiments = sut["embodiments"]!.AsArray();
        Assert.Equal(["E7", "E8"], embodiments.Select(e => (string?)e!["embodiment"]));
        // Both the proxied slaves (E7) and the custodians (E8) were judged, not only skipped.
        Assert.All(embodiments, e => Assert.True((int)e!["held"]! >= 1, r.Output));
    }

    [Fact]
    public async Task Verify_sut_catches_a_slave_that_answers_for_a_brand_it_does_not_hold()
    {
        await using var host = await SutHostProcess.StartAsync("SSW", "--defect", "unheld-brand");
        using var dir = new TempFolder("mw-sut");
        var r = VerifySut("SSW", host.Url, 3, "E7", dir);
        Assert.True(r.ExitCode == 1, r.Output);
        var c = SutJson(dir)["embodiments"]![0]!["counterexample"]!;
        Assert.Equal("INV-CONFORM", (string?)c["invariant"]);
        // A slave refuses a brand it holds no credential for before any PInitReq (SPEC.md E7; impl ServerWallet): the defect pays on.
        Assert.Matches(@"model: Outcome\(Refused\(BrandNotHeld, SSW-\d+\)\)\s*\n\s*impl:\s+Msg\(PInitReq\)", (string)c["violation"]!);
        Assert.True(Steps((string)c["shrunk"]!) <= Steps((string)c["original"]!));
        Assert.True((int)c["shrinkRuns"]! > 0);
    }

    [Fact]
    public async Task Verify_sut_passes_against_our_own_PC_entry_point_in_another_process()
    {
        await using var host = await SutHostProcess.StartAsync("PC");
        using var dir = new TempFolder("mw-sut");
        var r = VerifySut("PC", host.Url, 4, "E1,E5", dir);
        Assert.True(r.ExitCode == 0, r.Output);
        var sut = SutJson(dir);
        Assert.Equal(["PC"], sut["sut"]!["rolesReplaced"]!.AsArray().Select(x => (string?)x));
        var embodiments = sut["embodiments"]!.AsArray();
        Assert.Equal(["E1", "E5"], embodiments.Select(e => (string?)e!["embodiment"]));
        Assert.All(embodiments, e => Assert.True((int)e!["held"]! >= 1, r.Output));
    }

    [Fact]
    public async Task Verify_sut_runs_every_E3_case_against_a_PC_faults_on_what_it_sends_its_crashes_and_heals_included()
    {
        // E3's first 16 cases at the default seed include drops, delays, duplicates and concurrent copies of what the PC
        // sends, crashes of the PC, of its wallet and of the merchant after a PC's request, and heals: before the
        // receiving-side injector 14 of the 16 were "not run". Now none is; each is held, or inconclusive where the machine
        // (a wall-clock wait over HTTP) cut it short, never violated.
        await using var host = await SutHostProcess.StartAsync("PC");
        using var dir = new TempFolder("mw-sut");
        var r = VerifySut("PC", host.Url, 16, "E3", dir);
        Assert.True(r.ExitCode == 0, r.Output);
        var e = SutJson(dir)["embodiments"]![0]!;
        Assert.Equal(0, (int)e["notRun"]!);
        Assert.Equal(0, (int)e["violated"]!);
        Assert.Equal(16, (int)e["held"]! + (int)e["inconclusive"]!);
        Assert.True((int)e["held"]! >= 1, r.Output);
    }

    [Fact]
    public async Task Verify_sut_runs_every_E7_case_against_an_MSW_faults_on_what_it_sends_its_slaves_and_its_crash_included()
    {
        // E7's first 9 cases at the default seed include a delay and a duplicate of the master's SlaveDeliver (cases 3 and
        // 8) and a crash of the master after the PReq (case 4): before the receiving-side injector was plugged for an MSW
        // and sut-host restarted its master, those 3 were "not run". Now none is; each is held, or inconclusive where the
        // machine cut a wall-clock wait short, never violated.
        await using var host = await SutHostProcess.StartAsync("MSW");
        using var dir = new TempFolder("mw-sut");
        var r = VerifySut("MSW", host.Url, 9, "E7", dir);
        Assert.True(r.ExitCode is 0 or 4, r.Output);
        var e = SutJson(dir)["embodiments"]![0]!;
        Assert.Equal(0, (int)e["notRun"]!);
        Assert.Equal(0, (int)e["violated"]!);
        Assert.Equal(9, (int)e["held"]! + (int)e["inconclusive"]!);
        Assert.True((int)e["held"]! >= 1, r.Output);
    }

    [Fact]
    public async Task Verify_sut_catches_a_PC_that_forgets_its_disk_on_restart_only_through_a_crash_of_the_PC()
    {
        await using var host = await SutHostProcess.StartAsync("PC", "--defect", "forgets-on-restart");
        using var dir = new TempFolder("mw-sut");
        // E6's case 6 at the default seed crashes the PC mid-purchase (E2's crash of the PC never fires: no purchase reaches it).
        var r = VerifySut("PC", host.Url, 8, "E6", dir);
        Assert.True(r.ExitCode == 1, r.Output);
        var c = SutJson(dir)["embodiments"]![0]!["counterexample"]!;
        // A restarted PC takes up the session on its disk and the wallet's inquiry finds the purchase paid (docs/DECISIONS.md
        // "PC restart", SPEC.md INV-EXACTLY-ONCE-UNDER-FAULTS): the defect reads back nothing and tells the user it was not paid.
        Assert.Contains("Crash(Pc, after", (string)c["shrunk"]!, StringComparison.Ordinal);
        Assert.Matches(@"impl:\s+Outcome\(Refused\(ProtocolError", (string)c["violation"]!);
        Assert.True(Steps((string)c["shrunk"]!) <= Steps((string)c["original"]!));
    }

    [Fact]
    public async Task Verify_sut_catches_a_PC_whose_gate_admits_a_replayed_wake_up()
    {
        await using var host = await SutHostProcess.StartAsync("PC", "--defect", "admit-replay");
        using var dir = new TempFolder("mw-sut");
        var r = VerifySut("PC", host.Url, 8, "E2", dir);
        Assert.True(r.ExitCode == 1, r.Output);
        var c = SutJson(dir)["embodiments"]![0]!["counterexample"]!;
        // The PC refuses a second wake-up for an order it already admitted (SPEC.md E1–E6, INV-ONCE): the defect routes it again.
        Assert.Matches(@"model: Outcome\(Refused\(Replay\)\)", (string)c["violation"]!);
        Assert.Contains("Replay(", (string)c["shrunk"]!, StringComparison.Ordinal);
        Assert.True(Steps((string)c["shrunk"]!) <= Steps((string)c["original"]!));
    }

    [Fact]
    public async Task Verify_sut_an_E10_address_nobody_is_at_is_UnknownAddress_against_a_hosted_master()
    {
        // DECISIONS.md, refusal reasons: the MSW keeps no slave list and learns "nobody there" from the network (UnknownAddress);
        // case 3 of the default seed's E10 sequence types ssw://SSW-9 in a topology without it.
        await using var host = await SutHostProcess.StartAsync("MSW");
        using var dir = new TempFolder("mw-sut");
        var r = VerifySut("MSW", host.Url, 4, "E10", dir);
        Assert.True(r.ExitCode == 0, r.Output);
        Assert.DoesNotContain("WalletUnreachable", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_sut_reports_a_malformed_provisioning_reply_as_a_protocol_failure_with_the_exchange()
    {
        await using var host = await SutHostProcess.StartAsync("SSW", "--defect", "malformed-reply");
        using var dir = new TempFolder("mw-sut");
        var r = VerifySut("SSW", host.Url, 1, "E7", dir);
        Assert.True(r.ExitCode == 1, r.Output);
        var e7 = SutJson(dir)["embodiments"]![0]!;
        Assert.Equal(1, (int)e7["protocolFailures"]!);
        Assert.Equal(0, (int)e7["held"]!);
        var detail = (string)e7["cases"]![0]!["detail"]!;
        // The exchange: the request sent and the answer that broke the contract.
        Assert.Contains("PUT http://", detail, StringComparison.Ordinal);
        Assert.Contains("→ 200 {\"addresses\": [", detail, StringComparison.Ordinal);
        Assert.Contains("protocol failure E7 case 0", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_sut_reports_a_status_code_the_contract_does_not_allow_as_a_protocol_failure_with_the_exchange()
    {
        // A tiny SUT of our own: a valid SutInfo, then 500 to PUT /provision/topology (the contract allows 200 or 400 there).
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                using var stream = client.GetStream();
                var request = await ReadRequestAsync(stream);
                var (status, body) = request.StartsWith("GET /provision/info", StringComparison.Ordinal)
                    ? ("200 OK", """{"name":"wrong-status SUT","version":"0","roles":["SSW"]}""")
                    : ("500 Internal Server Error", "oops");
                var bytes = Encoding.UTF8.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}");
                await stream.WriteAsync(bytes, stop.Token);
            }
        });
        using var dir = new TempFolder("mw-sut");
        var r = AuditTester.Run("verify", "--sut", $"SSW=http://127.0.0.1:{port}", "--cases", "1", "--embodiment", "E7", "--out", dir.Dir);
        await stop.CancelAsync();
        listener.Stop();
        try { await serving; } catch (Exception e) when (e is OperationCanceledException or System.Net.Sockets.SocketException or ObjectDisposedException) { }
        Assert.True(r.ExitCode == 1, r.Output);
        var e7 = SutJson(dir)["embodiments"]![0]!;
        Assert.Equal(1, (int)e7["protocolFailures"]!);
        var detail = (string)e7["cases"]![0]!["detail"]!;
        Assert.Contains("status 500 is not one the contract allows", detail, StringComparison.Ordinal);
        Assert.Contains("PUT http://127.0.0.1:", detail, StringComparison.Ordinal);
        Assert.Contains("→ 500 oops", detail, StringComparison.Ordinal);
    }

    /// <summary>Reads one HTTP/1.1 request (head and Content-Length body) and returns its head.</summary>
    private static async Task<string> ReadRequestAsync(System.Net.Sockets.NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[8192];
        while (true)
        {
            var n = await stream.ReadAsync(one);
            if (n == 0) return Encoding.UTF8.GetString([.. buffer]);
            buffer.AddRange(one.AsSpan(0, n).ToArray());
            var text = Encoding.UTF8.GetString([.. buffer]);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) continue;
            var length = Regex.Match(text[..end], @"(?im)^content-length:\s*(\d+)") is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (Encoding.UTF8.GetByteCount(text) - Encoding.UTF8.GetByteCount(text[..(end + 4)]) >= length) return text[..end];
        }
    }

    /// <summary>`verify --sut ROLE=URL` over <paramref name="embodiments"/> at <paramref name="cases"/> cases, its result written under <paramref name="dir"/>.</summary>
    private static CommandAppResult VerifySut(string role, Uri url, int cases, string embodiments, TempFolder dir) =>
        AuditTester.Run("verify", "--sut", $"{role}={url}", "--cases", cases.ToString(System.Globalization.CultureInfo.InvariantCulture), "--embodiment", embodiments, "--out", dir.Dir);

    /// <summary>The sut.json a run wrote under <paramref name="dir"/>.</summary>
    private static JsonNode SutJson(TempFolder dir) => JsonNode.Parse(File.ReadAllText(Path.Combine(dir.Dir, "sut.json")))!;

    private static int Steps(string described) => described.Split('\n').Count(l => l.StartsWith('#'));

    /// <summary>`sut-host` as a child process on a port the OS picks; stopped (by its own id) on dispose.</summary>
    private sealed partial class SutHostProcess : IAsyncDisposable
    {
        private readonly Process process;
        private SutHostProcess(Process p, Uri url) { process = p; Url = url; }
        public Uri Url { get; }

        public static async Task<SutHostProcess> StartAsync(string role, params string[] extra)
        {
            var exe = Path.Combine(AppContext.BaseDirectory, "MultiWallet.Audit.dll");
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
            foreach (var a in new[] { exe, "sut-host", "--role", role, "--listen", "http://127.0.0.1:0" }.Concat(extra)) psi.ArgumentList.Add(a);
            var output = new StringBuilder();
            var listening = new TaskCompletionSource<Uri>();
            var p = new Process { StartInfo = psi };
            p.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (output) output.AppendLine(e.Data);
                if (Listening().Match(e.Data) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value));
            };
            p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            p.Start();
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            if (await Task.WhenAny(listening.Task, Task.Delay(StartBound)) != listening.Task)
            {
                p.Kill(entireProcessTree: true);
                lock (output) Assert.Fail("sut-host did not come up:\n" + output);
            }
            return new SutHostProcess(p, listening.Task.Result);
        }

        [GeneratedRegex(@"provisioning at (http://\S+)")]
        private static partial Regex Listening();

        public async ValueTask DisposeAsync()
        {
            // Closing its standard input stops it; the kill is the guard.
            process.StandardInput.Close();
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await process.WaitForExitAsync(bound.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
            process.Dispose();
        }
    }
}
