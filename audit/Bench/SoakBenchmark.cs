using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;

namespace MultiWallet.Audit.Bench;

/// <summary>
/// The soak benchmark (INV-BOUNDED in HTTP mode): one world on loopback HTTP, <c>purchases</c> full SET purchases
/// interleaved one for one with <c>junk</c> bad requests (1 MB bodies over the large limit, random bodies, malformed
/// headers, deliveries for unknown sessions, and attacker text: a kind and a field of 8,000 characters each, which the
/// refusal's trace decision names), a few in flight. The world's trace keeps the newest
/// <see cref="Commands.ServeCommand.TraceCapacity"/> events, as `serve` does. Memory is read before and after, each after
/// a full blocking GC. A benchmark, not a test: it reports figures; loops are bounded in count and by a time budget.
/// </summary>
public static class SoakBenchmark
{
    private const int InFlight = 8;

    /// <summary>Runs the soak; stops early (and says so) when <paramref name="budget"/> runs out.</summary>
    public static SoakResult Run(int purchases, int junk, TimeSpan budget, int seed) => RunAsync(purchases, junk, budget, seed).GetAwaiter().GetResult();

    private static async Task<SoakResult> RunAsync(int purchases, int junk, TimeSpan budget, int seed)
    {
        await using var world = new PaymentWorld(seed, TimeSpan.FromSeconds(60), WorldTransport.Http);
        world.Trace.Capacity = Commands.ServeCommand.TraceCapacity;
        var wums = new[] { "SW-1", "SW-2" }.Select(n => { world.AddServerWallet(n, "BrandA"); return world.NewWum(n); }).ToArray();
        var map = ((HttpNetwork)world.Wire).AddressMap;
        // The junk sender is a client on the PC's side: it trusts the world's TLS root (its requests must reach the
        // receivers' limits, not stop at the handshake) and presents no certificate.
        var tls = world.Keys.HttpTls;
        using var client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) =>
                cert is X509Certificate2 c && HttpTls.PartyOf(c) is { } party && tls.RefuseServer(c, party) is null },
        }) { Timeout = TimeSpan.FromSeconds(60) };
        for (var i = 0; i < 20; i++) // untimed warm-up, so the "before" figure includes JIT and connection pools
            if (await wums[i % 2].PayAsync(world.WakeUp($"SOAK-WARM-{i}", "BrandA")).ConfigureAwait(false) is not Paid)
                throw new InvalidOperationException("soak warm-up purchase failed");

        var (managedBefore, processBefore) = Memory();
        int paid = 0, junkSent = 0, refused = 0, closed = 0, other = 0, nextPurchase = -1, nextJunk = -1;
        var clock = Stopwatch.StartNew();
        var outOfTime = false;
        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                if (clock.Elapsed > budget) { outOfTime = true; return; }
                var p = Interlocked.Increment(ref nextPurchase);
                var j = Interlocked.Increment(ref nextJunk);
                if (p >= purchases && j >= junk) return;
                if (p < purchases && await wums[p % 2].PayAsync(world.WakeUp($"SOAK-{p:000000}", "BrandA")).ConfigureAwait(false) is Paid)
                    Interlocked.Increment(ref paid);
                if (j < junk)
                {
                    Interlocked.Increment(ref junkSent);
                    var status = await JunkAsync(client, map, j).ConfigureAwait(false);
                    if (status is >= 400 and < 500) Interlocked.Increment(ref refused);
                    else if (status == 0) Interlocked.Increment(ref closed);
                    else Interlocked.Increment(ref other);
                }
            }
        }))).ConfigureAwait(false);
        clock.Stop();
        var (managedAfter, processAfter) = Memory();
        return new SoakResult(Math.Min(purchases, nextPurchase + 1), paid, junkSent, refused, closed, other, outOfTime, clock.Elapsed.TotalSeconds,
            managedBefore, managedAfter, processBefore, processAfter, world.Merchant.Received.Count, world.Merchant.Orders.Count, world.Trace.Count)
        {
            TraceKept = world.Trace.Events.Count,
        };
    }

    /// <summary>One bad request of five shapes; its HTTP status, 400 for a typed refusal in the protocol, 0 when the receiver cut the upload off.</summary>
    private static async Task<int> JunkAsync(HttpClient client, IReadOnlyDictionary<Address, Uri> map, int j)
    {
        var merchant = new Uri(map[Address.Merchant], HttpWire.Path);
        var wallet = new Uri(map[Address.ServerWallet("SW-1")], HttpWire.Path);
        var rnd = new Random(j);
        using var post = (j % 5) switch
        {
            0 => Post(merchant, "PReq", new byte[1024 * 1024], Address.Merchant), // four times the large limit
            1 => Post(wallet, WalletProtocol.Start, Bytes(rnd, 2048), Address.ServerWallet("SW-1")),
            2 => Post(merchant, "PInitReq%zz", Bytes(rnd, 512), Address.Merchant, encodeKind: false),
            3 => Post(merchant, $"{j}-" + new string('K', 8_000), Bytes(rnd, 64), Address.Merchant, session: new string('S', 8_000)),
            _ => Post(wallet, WalletProtocol.Deliver, Bytes(rnd, 4096), Address.ServerWallet("SW-1"), session: $"SOAK-NO-SUCH-{j}"),
        };
        try
        {
            using var res = await client.SendAsync(post).ConfigureAwait(false);
            // A typed refusal answered in the protocol (the wallet's Wallet.Refused, its session guard's Wallet.Rejected,
            // a SET Error) is a refusal too.
            var kind = res.Headers.TryGetValues(HttpWire.KindHeader, out var k) ? HttpWire.Decode(k.First()) : null;
            return res.IsSuccessStatusCode && kind is WalletProtocol.Refused or WalletProtocol.Rejected or "Error" or CustodyProtocol.Refused ? 400 : (int)res.StatusCode;
        }
        catch (HttpRequestException) { return 0; }
    }

    private static byte[] Bytes(Random rnd, int n)
    {
        var b = new byte[n];
        rnd.NextBytes(b);
        return b;
    }

    private static HttpRequestMessage Post(Uri url, string kind, byte[] body, Address to, bool encodeKind = true, string? session = null)
    {
        var post = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        post.Headers.TryAddWithoutValidation(HttpWire.FromHeader, HttpWire.Encode(Address.Pc.Value));
        post.Headers.TryAddWithoutValidation(HttpWire.ToHeader, HttpWire.Encode(to.Value));
        post.Headers.TryAddWithoutValidation(HttpWire.KindHeader, encodeKind ? HttpWire.Encode(kind) : kind);
        post.Headers.TryAddWithoutValidation(HttpWire.FieldsHeader, session is null ? "" : HttpWire.EncodeFields(new Dictionary<string, string> { [WalletProtocol.SessionField] = session }));
        post.Content.Headers.ContentType = new MediaTypeHeaderValue(HttpWire.ContentType);
        return post;
    }

    private static (long Managed, long Process) Memory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var me = Process.GetCurrentProcess();
        me.Refresh();
        return (GC.GetTotalMemory(forceFullCollection: true), me.WorkingSet64);
    }
}
