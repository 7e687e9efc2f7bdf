using System.Diagnostics;
using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;

namespace MultiWallet.Checks.Network;

/// <summary>
/// Transport-level checks of <see cref="HttpNetwork"/>: every failure is typed and bounded in time, fields
/// survive the trip, and the trace equals the in-memory one. All traffic is on 127.0.0.1, a handful of requests.
/// </summary>
internal static class HttpNetworkChecks
{
    /// <summary>The bounded wait of the cases whose point is a Timeout: short, so the check is quick.</summary>
    private static readonly TimeSpan T = TimeSpan.FromMilliseconds(800);

    /// <summary>
    /// The bounded wait of every case that expects an answer, Garbled or Unreachable: long enough that no machine
    /// load turns it into a Timeout, so the verdict does not depend on how busy the machine is.
    /// </summary>
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How far past its bound a Timeout may come and still count as bounded: generous, because a loaded machine
    /// delays timers; a wait that never ends still fails.
    /// </summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(20);

    private static readonly Address Client = new("pc");
    private static readonly Address Server = new("sw://SW-1");

    private static NetMessage Ping(Address to) => new(Client, to, "Test.Ping", [1, 2, 3], new Dictionary<string, string> { ["n"] = "1" });

    /// <summary>Sends and returns (failure or null, elapsed).</summary>
    private static (NetworkFailure? Failure, TimeSpan Elapsed, string Detail) Probe(INetwork net, NetMessage m)
    {
        var sw = Stopwatch.StartNew();
        try
        {
            net.SendAsync(m).GetAwaiter().GetResult();
            return (null, sw.Elapsed, "answered");
        }
        catch (NetworkException e) { return (e.Failure, sw.Elapsed, e.Detail); }
    }

    [Check("HTTP-TIMEOUT-SILENT", Title = "a handler that never answers gives Timeout, never before its bound, and its token is cancelled once the sender gives up",
        Requirements = ["INV-ROUTE-COMPLETE", "INV-BAD-INPUT"], Kind = CheckKind.Example, Exclusive = true)]
    public static CheckOutcome SilentHandler(CheckContext ctx)
    {
        // Judged: the failure is Timeout (a silent handler allows nothing else) and it never comes before its bound; the
        // handler, once running, sees its token cancelled. How long that takes is the machine's: a request the sender
        // abandoned before it reached the handler, a late Timeout, or a cancellation not seen within the slack, is
        // inconclusive (environment), never a failure.
        var net = new HttpNetwork(new TraceLog(), LoopbackTls.Trust, T);
        var verdict = new WallClockVerdict(ctx);
        try
        {
            var started = new TaskCompletionSource();
            var cancelled = new TaskCompletionSource();
            net.Listen(Server, async (m, ct) =>
            {
                if (m.Kind != "Test.Silent") return m.Reply("Test.Pong", []);
                started.TrySetResult();
                using var reg = ct.Register(() => cancelled.TrySetResult());
                await Task.Delay(System.Threading.Timeout.Infinite, ct);
                return m.Reply("never", []);
            });
            // The connection (TCP and TLS handshake) is made by an answered ping first, so the silent request's bound
            // measures the wait for an answer, not the handshake.
            var (warm, _, warmDetail) = Probe(net, Ping(Server));
            if (warm is not null) verdict.Environment($"the warm-up ping was not answered ({warm}: {warmDetail})");
            var (f, elapsed, detail) = Probe(net, new NetMessage(Client, Server, "Test.Silent", [1]));
            var seen = Task.WhenAny(cancelled.Task, Task.Delay(Slack)).GetAwaiter().GetResult() == cancelled.Task;
            ctx.Log($"failure={f} ({detail}); handler started={started.Task.IsCompleted}, cancelled={seen}");
            if (f != NetworkFailure.Timeout) verdict.Fail($"expected Timeout, got {f?.ToString() ?? "an answer"} ({detail})");
            else if (elapsed < T - TimeSpan.FromMilliseconds(50)) verdict.Fail($"Timeout after {elapsed.TotalMilliseconds:F0} ms, before its bound of {T.TotalMilliseconds} ms");
            else if (elapsed > T + Slack) verdict.Environment($"Timeout only after {elapsed.TotalMilliseconds:F0} ms (bound {T.TotalMilliseconds} ms)");
            if (!started.Task.IsCompleted) verdict.Environment("the sender gave up before its request reached the handler");
            else if (!seen) verdict.Environment($"the handler's cancellation was not seen within {Slack.TotalSeconds} s of wall time");
            return verdict.Outcome(1, $"Timeout no sooner than its bound T={T.TotalMilliseconds} ms, handler cancelled");
        }
        finally { net.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }

    private sealed record RawCase(string Name, NetworkFailure Expected, Func<Stream, CancellationToken, Task> Behaviour);

    private static readonly RawCase[] RawCases =
    [
        // Accept and close at once, request unread: the peer exists and took the connection, so this is a broken
        // exchange (Garbled), not a missing party (Unreachable is kept for "nobody there": refused / down / unmapped).
        new("accept-and-close", NetworkFailure.Garbled, (s, ct) => { s.Close(); return Task.CompletedTask; }),
        new("read-then-close", NetworkFailure.Garbled, async (s, ct) => await RawServer.ReadRequest(s, ct)),
        new("garbage-bytes", NetworkFailure.Garbled, async (s, ct) =>
        {
            await RawServer.ReadRequest(s, ct);
            await s.WriteAsync(new byte[] { 0x00, 0xff, 0x13, 0x37, 0x0d, 0x0a, 0x47, 0x41, 0x52, 0x42, 0x0d, 0x0a, 0x0d, 0x0a }, ct);
        }),
        new("http-500", NetworkFailure.Garbled, async (s, ct) =>
        {
            await RawServer.ReadRequest(s, ct);
            await RawServer.Write(s, "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", ct);
        }),
        new("200-missing-headers", NetworkFailure.Garbled, async (s, ct) =>
        {
            await RawServer.ReadRequest(s, ct);
            await RawServer.Write(s, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi", ct);
        }),
        new("bad-percent-escape", NetworkFailure.Garbled, async (s, ct) =>
        {
            await RawServer.ReadRequest(s, ct);
            await RawServer.Write(s, "HTTP/1.1 200 OK\r\nX-MW-From: sw%3A%2F%2FSW-1\r\nX-MW-To: pc\r\nX-MW-Kind: K%zz\r\nX-MW-Fields: \r\nContent-Length: 0\r\nConnection: close\r\n\r\n", ct);
        }),
        new("closed-mid-response", NetworkFailure.Garbled, async (s, ct) =>
        {
            await RawServer.ReadRequest(s, ct);
            await RawServer.Write(s, "HTTP/1.1 200 OK\r\nX-MW-From: sw%3A%2F%2FSW-1\r\nX-MW-To: pc\r\nX-MW-Kind: K\r\nX-MW-Fields: \r\nContent-Length: 100\r\nConnection: close\r\n\r\nonly-ten-b", ct);
        }),
        new("headers-then-stall", NetworkFailure.Timeout, async (s, ct) =>
        {
            await RawServer.ReadRequest(s, ct);
            await RawServer.Write(s, "HTTP/1.1 200 OK\r\nX-MW-From: sw%3A%2F%2FSW-1\r\n", ct);
            await Task.Delay(System.Threading.Timeout.Infinite, ct);
        }),
        new("silent-after-accept", NetworkFailure.Timeout, async (s, ct) =>
        {
            await RawServer.ReadRequest(s, ct);
            await Task.Delay(System.Threading.Timeout.Infinite, ct);
        }),
    ];

    [Check("HTTP-RAW-MISBEHAVING-SERVERS", Title = "raw TCP servers that close, answer garbage, non-2xx, bad headers, truncate or stall give Garbled/Timeout within Timeout+slack",
        Requirements = ["INV-BAD-INPUT"], Kind = CheckKind.Example, Exclusive = true)]
    public static CheckOutcome RawServers(CheckContext ctx)
    {
        var verdict = new WallClockVerdict(ctx);
        foreach (var c in RawCases)
        {
            var trace = new TraceLog();
            var net = new HttpNetwork(trace, LoopbackTls.Trust, c.Expected == NetworkFailure.Timeout ? T : Patient);
            var raw = new RawServer(LoopbackTls.Trust.CertificateOf(Server), c.Behaviour, maxConnections: 2);
            try
            {
                net.MapRemote(Server, raw.Url);
                var (f, elapsed, detail) = Probe(net, Ping(Server));
                ctx.Log($"{c.Name}: {f?.ToString() ?? "answered"} ({detail}); accepted={raw.Accepted}");
                if (f == NetworkFailure.Timeout && c.Expected != NetworkFailure.Timeout)
                {
                    verdict.Environment($"{c.Name}: no answer within {Patient.TotalSeconds} s");
                    continue;
                }
                if (f != c.Expected) verdict.Fail($"{c.Name}: expected {c.Expected}, got {f?.ToString() ?? "an answer"} ({detail})");
                else if (c.Expected == NetworkFailure.Timeout && elapsed > T + Slack) verdict.Environment($"{c.Name}: {f} only after {elapsed.TotalMilliseconds:F0} ms");
                var last = trace.Events[^1].Render();
                if (!last.Contains($"* network  {c.Expected}", StringComparison.Ordinal)) verdict.Fail($"{c.Name}: trace does not end with the {c.Expected} decision: {last}");
            }
            finally
            {
                net.DisposeAsync().AsTask().GetAwaiter().GetResult();
                raw.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        return verdict.Outcome(RawCases.Length, $"{RawCases.Length} misbehaving servers, each mapped as expected (the stalls to Timeout within {(T + Slack).TotalSeconds} s)");
    }

    [Check("HTTP-UNREACHABLE", Title = "a down address and a stopped listener are Unreachable, an unmapped one UnknownAddress, at once, with no handler call",
        Requirements = ["INV-ROUTE-COMPLETE"], Kind = CheckKind.Example, Exclusive = true)]
    public static CheckOutcome Unreachable(CheckContext ctx)
    {
        var net = new HttpNetwork(new TraceLog(), LoopbackTls.Trust, Patient);
        try
        {
            var calls = 0;
            net.Listen(Server, (m, ct) => { Interlocked.Increment(ref calls); return Task.FromResult(m.Reply("Test.Pong", [])); });
            var verdict = new WallClockVerdict(ctx);
            void Expect(string name, NetworkFailure? want, TimeSpan within)
            {
                var (f, elapsed, detail) = Probe(net, Ping(Server));
                ctx.Log($"{name}: {f?.ToString() ?? "answered"} ({detail})");
                if (f == NetworkFailure.Timeout && want != NetworkFailure.Timeout) verdict.Environment($"{name}: no answer within {Patient.TotalSeconds} s");
                else if (f != want) verdict.Fail($"{name}: expected {want?.ToString() ?? "an answer"}, got {f?.ToString() ?? "an answer"}");
                else if (elapsed > within) verdict.Environment($"{name}: took {elapsed.TotalMilliseconds:F0} ms");
            }
            Expect("up", null, Patient);
            net.SetDown(Server, true);
            Expect("down", NetworkFailure.Unreachable, Slack); // decided before any I/O; the bound only catches a wait
            net.SetDown(Server, false);
            Expect("up-again", null, Patient);
            var before = calls;
            var (f2, _, _) = Probe(net, Ping(new Address("sw://NOBODY")));
            if (f2 != NetworkFailure.UnknownAddress) verdict.Fail($"unmapped: got {f2}, expected UnknownAddress (no such host)");
            net.StopListeningAsync(Server).GetAwaiter().GetResult();
            Expect("stopped-listener (connection refused)", NetworkFailure.Unreachable, Patient);
            if (calls != before) verdict.Fail($"handler called {calls - before} times while unreachable");
            if (calls > 2 || (calls < 2 && net.TimeoutsFired == 0)) verdict.Fail($"handler called {calls} times, expected 2 (the two up probes)");
            return verdict.Outcome(1, "down, refused → Unreachable; unmapped → UnknownAddress; handler untouched");
        }
        finally { net.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }

    internal static readonly IReadOnlyDictionary<string, string> OddFields = new Dictionary<string, string>
    {
        ["plain"] = "brand-A",
        ["space and = & ?"] = "a b=c&d%20e%zz+f",
        ["empty"] = "",
        ["newline"] = "line1\r\nline2\nX-MW-Kind: evil",
        ["unicode"] = "電子決済 ¥1,000 – ✓ 😀",
        ["quote\"colon:"] = "\"quoted\"; semi; comma, tab\t",
        ["%"] = "%",
        ["percent-literal"] = "%41%",
    };

    [Check("HTTP-FIELDS-ROUNDTRIP", Title = "addresses, kind, fields with odd characters and every byte value survive a round trip; trace equals in-memory",
        Requirements = ["INV-BAD-INPUT", "INV-CONFORM"], Kind = CheckKind.Example)]
    public static CheckOutcome FieldsRoundTrip(CheckContext ctx)
    {
        var from = new Address("pc://user 1/é?&=");
        var to = new Address("sw://SW-ü 2%");
        var body = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(new byte[] { 0, 0, 13, 10 }).ToArray();
        var request = new NetMessage(from, to, "Kind With Space/é", body, OddFields);

        (NetMessage? Got, NetMessage Reply, string Trace) Run(TracedNetwork net)
        {
            NetMessage? got = null;
            net.Listen(to, (m, ct) =>
            {
                got = m;
                return Task.FromResult(m.Reply("Reply:é&=", [.. m.Body.Reverse()], m.Fields.ToDictionary(kv => "echo " + kv.Key, kv => kv.Value)));
            });
            var reply = net.Time.Run(_ => net.SendAsync(request));
            return (got, reply, net.Trace.Render());
        }

        var http = new HttpNetwork(new TraceLog(), LoopbackTls.Trust, Patient);
        try
        {
            (NetMessage? Got, NetMessage Reply, string Trace) run;
            try { run = Run(http); }
            catch (NetworkException e) when (e.Failure == NetworkFailure.Timeout)
            {
                return CheckOutcome.InconclusiveEnvironment($"the round trip got no answer within {Patient.TotalSeconds} s");
            }
            var (got, reply, httpTrace) = run;
            var (_, memReply, memTrace) = Run(new InMemoryNetwork(new TraceLog(), Patient, new VirtualTime(DateTime.UnixEpoch)));
            // The operating system picks the loopback ports: the log names the addresses, not the ports, so two runs log the same.
            ctx.Log(System.Text.RegularExpressions.Regex.Replace(http.RenderAddressMap().TrimEnd(), @"127\.0\.0\.1:\d+", "127.0.0.1:PORT"));
            ctx.Log(httpTrace.TrimEnd());
            var failures = new List<string>();
            if (got is null) failures.Add("handler not called");
            else
            {
                if (got.From != from || got.To != to || got.Kind != request.Kind) failures.Add($"header mismatch: {got.From} {got.To} {got.Kind}");
                if (!got.Body.SequenceEqual(body)) failures.Add("body bytes changed");
                if (!SameFields(got.Fields, OddFields)) failures.Add("request fields changed: " + string.Join(", ", got.Fields.Select(kv => $"[{kv.Key}]=[{kv.Value}]")));
            }
            if (reply.From != to || reply.To != from || reply.Kind != "Reply:é&=" || !reply.Body.SequenceEqual(body.Reverse()))
                failures.Add("reply changed");
            if (!SameFields(reply.Fields, memReply.Fields)) failures.Add("reply fields differ from in-memory");
            if (httpTrace != memTrace) failures.Add($"trace differs:\nHTTP:\n{httpTrace}in-memory:\n{memTrace}");
            return failures.Count == 0 ? CheckOutcome.Pass($"{OddFields.Count} odd fields, 260 body bytes, odd addresses: identical; traces equal") : CheckOutcome.Fail(string.Join("\n", failures));
        }
        finally { http.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }

    private static bool SameFields(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    [Check("HTTP-TRACE-FAILURES-EQUAL-INMEMORY", Title = "answer, down, unmapped, timeout and a relayed inner failure render the same trace on HTTP and in memory",
        Requirements = ["INV-CONFORM", "INV-ROUTE-COMPLETE"], Kind = CheckKind.Trace)]
    public static CheckOutcome FailureTraces(CheckContext ctx)
    {
        var proxy = new Address("sw://MSW");
        string Run(TracedNetwork net)
        {
            net.Listen(Server, async (m, ct) =>
            {
                if (m.Kind == "Test.Slow") await Task.Delay(System.Threading.Timeout.Infinite, ct);
                return m.Reply("Test.Pong", m.Body, new Dictionary<string, string> { ["n"] = m.Field("n") ?? "" });
            });
            // A proxy whose next hop fails: the inner failure reaches the client untraced at the outer hop.
            net.Listen(proxy, async (m, ct) => await net.SendAsync(new NetMessage(proxy, new Address("sw://GONE"), "Test.Forward", m.Body), ct));
            // Driven on the network's time: in memory the silent handler's timeout is a virtual timer.
            void Try(NetMessage m) { try { net.Time.Run(_ => net.SendAsync(m)); } catch (NetworkException) { } }
            Try(Ping(Server));
            net.SetDown(Server, true);
            Try(Ping(Server));
            net.SetDown(Server, false);
            Try(Ping(new Address("merchant")));
            Try(new NetMessage(Client, Server, "Test.Slow", [9]));
            Try(Ping(proxy));
            return net.Trace.Render();
        }
        // The silent "Test.Slow" waits the short bound (its Timeout is the point); every other probe is patient.
        var hops = new SlowKindHops("Test.Slow", T, Patient);
        var http = new HttpNetwork(new TraceLog(), LoopbackTls.Trust, T) { Hops = hops };
        try
        {
            var h = Run(http);
            var m = Run(new InMemoryNetwork(new TraceLog(), T, new VirtualTime(DateTime.UnixEpoch)) { Hops = hops });
            ctx.Log(h.TrimEnd());
            if (h == m) return CheckOutcome.Pass($"{h.Count(c => c == '\n')} trace lines identical");
            // Only the silent probe may time out; another Timeout over HTTP is the machine's, and the traces then differ by it.
            return http.TimeoutsFired > 1
                ? CheckOutcome.InconclusiveEnvironment($"{http.TimeoutsFired - 1} patient probe(s) got no answer within {Patient.TotalSeconds} s")
                : CheckOutcome.Fail($"HTTP:\n{h}in-memory:\n{m}");
        }
        finally { http.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }
}
