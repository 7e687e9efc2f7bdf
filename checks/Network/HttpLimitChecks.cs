using System.Text;
using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;
using MultiWallet.Impl.Protocol;

namespace MultiWallet.Checks.Network;

/// <summary>
/// The receiving side's limits in HTTP mode, tried by breaking them with hand-written requests
/// (<see cref="RawClient"/>): bodies larger than their kind's limit are refused before they are read,
/// malformed headers and throwing handlers get a 4xx with a short reason that reflects nothing of the
/// request or of the exception, and no handler (no party) sees any of it. Loopback only, a few requests.
/// </summary>
internal static class HttpLimitChecks
{
    private const string From = "pc";
    private static readonly Address Server = new("sw://SW-1");
    private static readonly string To = HttpWire.Encode(Server.Value);
    private const string Marker = "ATTACKER-TEXT";

    private sealed class Host : IAsyncDisposable
    {
        public readonly HttpNetwork Net = new(new TraceLog(), LoopbackTls.Trust);
        public int Calls;

        public Host(Func<NetMessage, NetMessage>? handler = null)
        {
            Net.Listen(Server, (m, ct) =>
            {
                Interlocked.Increment(ref Calls);
                return Task.FromResult(handler is null ? m.Reply("Test.Ok", [7]) : handler(m));
            });
        }

        public Uri Url => Net.AddressMap[Server];

        public ValueTask DisposeAsync() => Net.DisposeAsync();
    }

    /// <summary>The problems with a refusal: not a 4xx of the expected code, no bounded reason, or reflected text.</summary>
    private static IEnumerable<string> Refusal(string name, RawClient.Answer a, int expected, params string[] mustNotContain)
    {
        if (a.TimedOut)
        {
            yield return NoAnswer + name;
            yield break;
        }
        if (a.Status != expected) yield return $"{name}: expected {expected}, got {(a.Status == 0 ? "no answer" : a.Status)}";
        if (!a.Headers.TryGetValue(HttpWire.ReasonHeader, out var r)) yield return $"{name}: no {HttpWire.ReasonHeader}";
        else if ((HttpWire.Decode(r) ?? r).Length > HttpWire.MaxReasonLength) yield return $"{name}: reason of {r.Length} characters";
        foreach (var bad in mustNotContain)
            if (a.Raw.Contains(bad, StringComparison.Ordinal)) yield return $"{name}: the answer reflects '{bad}'";
    }

    /// <summary>How <see cref="Refusal"/> marks an exchange the hang guard cut short (environment, not a finding).</summary>
    private const string NoAnswer = "no answer within the hang guard: ";

    private static CheckOutcome Verdict(CheckContext ctx, List<string> failures, int cases, string pass)
    {
        var verdict = new WallClockVerdict(ctx);
        foreach (var f in failures)
            if (f.StartsWith(NoAnswer, StringComparison.Ordinal)) verdict.Environment(f);
            else verdict.Fail(f);
        return verdict.Outcome(cases, pass);
    }

    [Check("HTTP-LIMIT-OVERSIZED-BODY", Title = "a body over its kind's limit is refused 413 before it is read (announced or chunked); within the limit it is served",
        Requirements = ["INV-BOUNDED", "INV-BAD-INPUT"], Kind = CheckKind.Example, Exclusive = true)]
    public static CheckOutcome OversizedBody(CheckContext ctx)
    {
        var failures = new List<string>();
        var h = new Host();
        try
        {
            var url = h.Url;
            var kb = new byte[1024];
            // 10 MB announced, 1 KB sent: an answer at all proves the body was never waited for, let alone buffered.
            foreach (var kind in new[] { WalletProtocol.Start, "PReq", "Unknown.Kind" })
            {
                var a = RawClient.Exchange(url, RawClient.Head(url, From, To, kind, "", 10 * 1024 * 1024), [kb]);
                ctx.Log($"{kind}, 10 MB announced, 1 KB sent: {a.Status}");
                failures.AddRange(Refusal($"{kind} announced 10 MB", a, 413));
            }
            // Chunked, no length announced: refused once the small limit is passed, the rest never read.
            var chunks = Enumerable.Range(0, 64).Select(_ => RawClient.Chunk(new byte[4096])).Append("0\r\n\r\n"u8.ToArray());
            var c = RawClient.Exchange(url, RawClient.Head(url, From, To, WalletProtocol.Start, "", -1), chunks);
            ctx.Log($"{WalletProtocol.Start}, 256 KB chunked: {c.Status}");
            failures.AddRange(Refusal("chunked over the small limit", c, 413));
            if (h.Calls != 0) failures.Add($"the handler was called {h.Calls} times for oversized bodies");
            // Within the limits: a large kind carries 200 KB, a small one 8 KB.
            var big = RawClient.Exchange(url, RawClient.Head(url, From, To, "PReq", "", 200 * 1024), [new byte[200 * 1024]]);
            var small = RawClient.Exchange(url, RawClient.Head(url, From, To, WalletProtocol.Start, "", 8 * 1024), [new byte[8 * 1024]]);
            ctx.Log($"PReq 200 KB: {big.Status}; {WalletProtocol.Start} 8 KB: {small.Status}");
            if (big.TimedOut || small.TimedOut) failures.Add(NoAnswer + "bodies within their limits");
            else if (big.Status != 200 || small.Status != 200) failures.Add($"bodies within their limits were not served: {big.Status}, {small.Status}");
            if (h.Calls != 2) failures.Add($"expected the handler to serve the 2 bodies within limits, it was called {h.Calls} times");
        }
        finally { h.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
        return Verdict(ctx, failures, 6, $"oversized bodies refused 413 unread (small limit {HttpWire.SmallBodyLimit} B, large {HttpWire.LargeBodyLimit} B); bodies within limits served");
    }

    [Check("HTTP-LIMIT-MALFORMED-HEADERS", Title = "malformed, missing, misdirected or oversized message headers get a 4xx with a short reason that reflects none of them, and reach no party",
        Requirements = ["INV-BOUNDED", "INV-BAD-INPUT"], Kind = CheckKind.Example, Exclusive = true)]
    public static CheckOutcome MalformedHeaders(CheckContext ctx)
    {
        var failures = new List<string>();
        var h = new Host();
        var cases = new (string Name, Func<Uri, string> Head, int Expected)[]
        {
            ("missing kind", u => RawClient.Head(u, From, To, "K", "", 1).Replace("X-MW-Kind: K\r\n", "", StringComparison.Ordinal), 400),
            ("bad escape in kind", u => RawClient.Head(u, From, To, Marker + "%zz", "", 1), 400),
            ("long garbage kind", u => RawClient.Head(u, From, To, Marker + string.Concat(Enumerable.Repeat("%zz", 2000)), "", 1), 400),
            ("field without '='", u => RawClient.Head(u, From, To, "K", Marker, 1), 400),
            ("not UTF-8", u => RawClient.Head(u, From + "%ff" + Marker, To, "K", "", 1), 400),
            ("repeated field", u => RawClient.Head(u, From, To, "K", $"a={Marker}&a=b", 1), 400),
            ("not addressed here", u => RawClient.Head(u, From, HttpWire.Encode("sw://" + Marker), "K", "", 1), 421),
            ("headers over 32 KB", u => RawClient.Head(u, From, To, "K", "", 1, "X-Pad: " + Marker + new string('p', 40 * 1024)), 431),
            ("wrong path", u => RawClient.Head(u, From, To, "K", "", 1).Replace("POST /mw", "POST /" + Marker, StringComparison.Ordinal), 404),
        };
        try
        {
            foreach (var (name, head, expected) in cases)
            {
                var a = RawClient.Exchange(h.Url, head(h.Url), [[1]]);
                ctx.Log($"{name}: {a.Status} {(a.Headers.TryGetValue(HttpWire.ReasonHeader, out var r) ? HttpWire.Decode(r) : "")}");
                // Kestrel itself refuses oversized headers before the host runs: a bare 431 is what it can say.
                failures.AddRange(Refusal(name, a, expected, Marker).Where(f => expected != 431 || !f.Contains(HttpWire.ReasonHeader, StringComparison.Ordinal)));
            }
            if (h.Calls != 0) failures.Add($"the handler was called {h.Calls} times for malformed requests");
        }
        finally { h.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
        return Verdict(ctx, failures, cases.Length, $"{cases.Length} malformed requests refused with bounded, non-reflecting reasons; no party called");
    }

    [Check("HTTP-LIMIT-HANDLER-THROWS", Title = "a handler that throws, and the user PC's port given a non-question or a malformed one, answer 400 without exception text; the user is asked nothing",
        Requirements = ["INV-BOUNDED", "INV-BAD-INPUT"], Kind = CheckKind.Example, Exclusive = true)]
    public static CheckOutcome HandlerThrows(CheckContext ctx)
    {
        var failures = new List<string>();
        var secret = "SECRET-" + new string('s', 8 * 1024);
        var h = new Host(_ => throw new InvalidOperationException(secret));
        var pcNet = new HttpNetwork(new TraceLog(), LoopbackTls.Trust);
        var user = new ScriptedUser(["SSW-1", "SSW-2"]);
        _ = new UserPort(pcNet, user, new Impl.World.LoginIssuer(Impl.World.WorldKeys.Seeded(ctx.Seed).Stream).Client(Impl.World.LoginIssuer.User, Impl.Crypto.SeededRandom.For(ctx.Seed, "pc/sessions")));
        try
        {
            var a = RawClient.Exchange(h.Url, RawClient.Head(h.Url, From, To, "K", "", 1), [[1]]);
            ctx.Log($"throwing handler, raw: {a.Status}");
            failures.AddRange(Refusal("throwing handler", a, 400, "SECRET", nameof(InvalidOperationException)));
            try
            {
                h.Net.SendAsync(new NetMessage(new Address(From), Server, "K", [1])).GetAwaiter().GetResult();
                failures.Add("throwing handler: the sender got an answer");
            }
            catch (NetworkException e)
            {
                ctx.Log($"throwing handler, through the network: {e.Failure} ({e.Detail})");
                if (e.Failure == NetworkFailure.Timeout) failures.Add(NoAnswer + "throwing handler, through the network");
                else if (e.Failure != NetworkFailure.Garbled) failures.Add($"throwing handler: sender saw {e.Failure}, expected Garbled");
                if (e.Detail.Contains("SECRET", StringComparison.Ordinal)) failures.Add("throwing handler: the sender's detail carries the exception text");
            }
            var pc = pcNet.AddressMap[Address.Pc];
            var pcTo = HttpWire.Encode(Address.Pc.Value);
            var mswFrom = HttpWire.Encode("sw://MSW");
            var junk = Encoding.UTF8.GetBytes(Marker + " not a question");
            foreach (var (name, kind) in new[] { ("malformed question", UserPortProtocol.Choose), ("malformed address question", UserPortProtocol.TypeAddress), ("not a question", "User.Answer") })
            {
                var r = RawClient.Exchange(pc, RawClient.Head(pc, mswFrom, pcTo, kind, "", junk.Length), [junk]);
                ctx.Log($"user port, {name}: {r.Status}");
                failures.AddRange(Refusal($"user port, {name}", r, 400, Marker));
            }
            var wellFormedWrongKind = new UserQuestion("which?", ["SSW-1"]).Encode();
            var w = RawClient.Exchange(pc, RawClient.Head(pc, mswFrom, pcTo, "Wallet.Start", "", wellFormedWrongKind.Length), [wellFormedWrongKind]);
            failures.AddRange(Refusal("user port, a question under another kind", w, 400));
            if (user.Log.Count != 0) failures.Add($"the user was asked {user.Log.Count} question(s) by bad input");
        }
        finally
        {
            h.DisposeAsync().AsTask().GetAwaiter().GetResult();
            pcNet.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return Verdict(ctx, failures, 6, "throwing handler and bad input to the user port answered 400 with a bounded reason, no exception text; the user was asked nothing");
    }
}
