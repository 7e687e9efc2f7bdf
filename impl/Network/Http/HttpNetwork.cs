using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MultiWallet.Impl.Network.Http;

/// <summary>
/// <see cref="INetwork"/> over real HTTP on loopback. Every <see cref="Listen"/> starts one Kestrel host
/// for that address on 127.0.0.1, port 0 (the OS picks; the real port is read back into <see cref="AddressMap"/>).
/// One host per address, not one host with a route per address: each party then owns a socket as it
/// would on its own machine, "nobody listens" is a real connection refusal rather than a 404 convention,
/// and parties in separate processes (the audit <c>serve</c> verb) reach each other through the same map
/// (<see cref="MapRemote"/>). Sending POSTs the body to <c>{url}/mw</c> with the headers of <see cref="HttpWire"/>.
/// <para>
/// Every host speaks HTTPS only, with the certificate <see cref="HttpTls"/> gives its party, and every sender checks that
/// certificate against the world's TLS root and the party it addressed (no OS store). On a mutual link
/// (<see cref="HttpTls.IsMutual"/>: server to server) the sender presents its own party's certificate, and the receiver
/// refuses (403) a request that brings none or one naming another party; a client certificate not issued by the root
/// fails the handshake. One client per link (sender, receiver) holds that link's certificate and expected peer, so a
/// pooled connection is never reused across identities. A refused certificate reaches the sender as Garbled.
/// </para>
/// <para>
/// Tracing, down-marking and the Unreachable/Timeout decisions are those of <see cref="TracedNetwork"/>,
/// shared with <see cref="InMemoryNetwork"/>, so a scenario renders the same trace on both.
/// </para>
/// Failure mapping (all bounded by <see cref="TracedNetwork.Timeout"/>, T below):
/// <list type="bullet">
/// <item>address marked down, or not in the map → Unreachable, immediately, no I/O;</item>
/// <item>connection refused (mapped but nobody listens) → Unreachable, within milliseconds on loopback, at most T (connect timeout = T);</item>
/// <item>no answer, or an answer slower than T → Timeout at T (the request is aborted, so the handler's token is cancelled);</item>
/// <item>connection accepted then closed, closed mid-response, bytes that are not HTTP, a non-2xx status,
///   missing or malformed headers, a response not addressed back to the sender → Garbled, as soon as it is seen, at most T.</item>
/// </list>
/// A handler that throws a <see cref="NetworkException"/> answers 502 with that failure in headers; the sender
/// rethrows it untraced (as an in-memory call chain would).
/// <para>
/// Limits of the receiving side (INV-BOUNDED, INV-BAD-INPUT): a body larger than its kind's
/// <see cref="HttpWire.BodyLimit"/> is refused 413 before it is buffered (by its Content-Length, or as soon as a
/// chunked body passes the limit); at most <see cref="MaxConnections"/> connections per host; a handler gets
/// <see cref="HandlerTimeout"/> of wall time (HTTP mode only), then 503. Bad input gets a 4xx with a short reason
/// in <see cref="HttpWire.ReasonHeader"/>, never a 500 and never the handler's exception text: a handler that
/// throws anything but a <see cref="NetworkException"/> answers 400 "rejected" (this layer sits below the codec,
/// so it cannot tell a parse failure from a fault, and it tells the sender neither). The sender sees Garbled.
/// </para>
/// </summary>
public sealed class HttpNetwork : TracedNetwork, IAsyncDisposable
{
    private readonly ConcurrentDictionary<Address, Func<NetMessage, CancellationToken, Task<NetMessage>>> handlers = new();
    private readonly ConcurrentDictionary<Address, Uri> map = new();
    private readonly ConcurrentDictionary<Address, WebApplication> hosts = new();
    private readonly ConcurrentDictionary<(Address From, Address To), HttpClient> links = new();
    private readonly Lock startGate = new();
    private int disposed;

    /// <summary>An HTTPS network writing to <paramref name="trace"/>, its certificates and trust from <paramref name="tls"/>; connect and
    /// answer waits are bounded by <paramref name="timeout"/> (default <see cref="TracedNetwork.DefaultTimeout"/>) of wall-clock time,
    /// the only transport whose waits are real.</summary>
    public HttpNetwork(TraceLog trace, HttpTls tls, TimeSpan? timeout = null) : base(trace, timeout, WallClock.Default) => Tls = tls;

    /// <summary>The certificates and the trust of this network.</summary>
    public HttpTls Tls { get; }

    /// <summary>The client of one link: it presents the sender's certificate where the sender is a server party, and accepts
    /// only the receiver's certificate under the world's root.</summary>
    private HttpClient Link(Address from, Address to) => links.GetOrAdd((from, to), l =>
    {
        var own = HttpTls.IsServerParty(l.From) ? Tls.CertificateOf(l.From) : null;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = Timeout,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) => Tls.RefuseServer(cert as X509Certificate2, l.To) is null,
                // Always the party's own certificate, whatever issuers the server lists (its root is not in any OS store).
                LocalCertificateSelectionCallback = own is null ? null : (_, _, _, _, _) => own,
            },
        };
        return new HttpClient(handler) { Timeout = HopTimeouts.Longest(Timeout) };
    });

    /// <summary>Most concurrent connections one party's host accepts.</summary>
    public const int MaxConnections = 256;

    /// <summary>Wall time a handler may take before the host answers 503 (generous: a purchase hop takes milliseconds).</summary>
    public static readonly TimeSpan HandlerTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Address → base URL of every party this network can reach (local listeners and mapped remotes).</summary>
    public IReadOnlyDictionary<Address, Uri> AddressMap => map.ToDictionary(kv => kv.Key, kv => kv.Value);

    /// <summary>The map as text, one <c>address url</c> line per address, sorted by address.</summary>
    public string RenderAddressMap() =>
        string.Concat(map.OrderBy(kv => kv.Key.Value, StringComparer.Ordinal).Select(kv => $"{kv.Key.Value} {kv.Value}\n"));

    /// <summary>
    /// Whether a request that arrives from a party this network does not host (a system under test in another process)
    /// is traced at arrival, with its answer, and held to the receiver's down and silent marks: down aborts the
    /// connection, silent never answers. Local senders decide both before any I/O, so this changes nothing for them.
    /// </summary>
    public bool ObserveRemote { get; set; }

    /// <summary>
    /// With <see cref="ObserveRemote"/>: what a request from a remote party goes through before (and instead of going
    /// straight to) the receiver's handler, once it passed the down and silent marks; null: straight to the handler.
    /// </summary>
    public IRemoteIntake? Intake { get; set; }

    private readonly ConcurrentQueue<NetMessage> fromRemote = new();

    /// <summary>With <see cref="ObserveRemote"/>: every request a remote party sent to a listener of this network, in arrival order.</summary>
    public IReadOnlyList<NetMessage> FromRemote => [.. fromRemote];

    /// <summary>Makes an address served elsewhere (another process, a fixed port) reachable from this network.</summary>
    public void MapRemote(Address at, Uri baseUrl) => map[at] = baseUrl;

    /// <summary>Registers the handler and, on first listen at this address, starts its Kestrel host (blocking until bound).</summary>
    public override void Listen(Address at, Func<NetMessage, CancellationToken, Task<NetMessage>> handler)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        handlers[at] = handler;
        lock (startGate)
        {
            if (hosts.ContainsKey(at)) return;
            var app = BuildHost(at);
            app.StartAsync().GetAwaiter().GetResult();
            var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            hosts[at] = app;
            map[at] = new Uri(url.Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    /// <summary>Stops the listener at <paramref name="at"/> (its URL stays mapped: senders then see a refused connection).</summary>
    public async Task StopListeningAsync(Address at)
    {
        if (hosts.TryRemove(at, out var app)) await app.DisposeAsync().ConfigureAwait(false);
        handlers.TryRemove(at, out _);
    }

    /// <inheritdoc/>
    public override bool IsListening(Address at) => handlers.ContainsKey(at);

    /// <inheritdoc/>
    protected override bool HasRoute(Address at) => map.ContainsKey(at);

    private WebApplication BuildHost(Address at)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = Tls.CertificateOf(at),
                ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                ClientCertificateValidation = (cert, _, _) => Tls.RefuseClientChain(cert) is null,
            }));
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = HttpWire.LargeBodyLimit;
            k.Limits.MaxConcurrentConnections = MaxConnections;
            k.Limits.MaxConcurrentUpgradedConnections = 0;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(30);
        });
        var app = builder.Build();
        app.Run(ctx => ServeAsync(at, ctx));
        return app;
    }

    private async Task ServeAsync(Address at, HttpContext ctx)
    {
        var req = ctx.Request;
        if (req.Method != HttpMethods.Post || req.Path != HttpWire.Path)
        {
            Refuse(ctx, StatusCodes.Status404NotFound, "no such endpoint");
            return;
        }
        var head = HttpWire.ReadHeaders(h => req.Headers.TryGetValue(h, out var v) && v.Count == 1 ? v[0] : null, out var reason);
        if (head is not { } h || h.To != at || !handlers.TryGetValue(at, out var handler))
        {
            Refuse(ctx, head is null ? StatusCodes.Status400BadRequest : StatusCodes.Status421MisdirectedRequest,
                head is null ? reason : "not addressed to " + at.Value);
            return;
        }
        if (Tls.RefuseClient(ctx.Connection.ClientCertificate, h.From, at) is { } refused)
        {
            Refuse(ctx, StatusCodes.Status403Forbidden, refused);
            return;
        }
        var bytes = await ReadBoundedAsync(ctx, HttpWire.BodyLimit(h.Kind)).ConfigureAwait(false);
        if (bytes is null) return;
        var request = new NetMessage(h.From, h.To, h.Kind, bytes, h.Fields);
        var remote = ObserveRemote && !handlers.ContainsKey(h.From);
        var intake = remote ? Intake : null;
        if (remote)
        {
            fromRemote.Enqueue(request);
            // An intake traces what it delivers (a garbled request as rewritten, a duplicate twice); what it never sees, here.
            if (intake is null || IsDown(at) || IsSilent(at)) Trace.Message(request);
            if (IsDown(at))
            {
                ctx.Abort();
                return;
            }
            if (IsSilent(at))
            {
                try { await Task.Delay(System.Threading.Timeout.Infinite, ctx.RequestAborted).ConfigureAwait(false); }
                catch (OperationCanceledException) { }
                return;
            }
        }
        NetMessage? response;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted);
        limit.CancelAfter(HandlerTimeout);
        try
        {
            response = intake is not null
                ? await intake.ReceiveAsync(request, m => handler(m, limit.Token), ctx.RequestAborted).ConfigureAwait(false)
                : await handler(request, limit.Token).ConfigureAwait(false);
        }
        catch (NetworkException e)
        {
            ctx.Response.StatusCode = StatusCodes.Status502BadGateway;
            ctx.Response.Headers[HttpWire.RemoteFailureHeader] = e.Failure.ToString();
            ctx.Response.Headers[HttpWire.RemoteFailureToHeader] = HttpWire.Encode(e.To.Value);
            ctx.Response.Headers[HttpWire.RemoteFailureDetailHeader] = HttpWire.Reason(e.Detail);
            return;
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            return; // the sender gave up (its Timeout); nobody reads this answer
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            Refuse(ctx, StatusCodes.Status503ServiceUnavailable, "handler took too long");
            return;
        }
        catch (Exception)
        {
            Refuse(ctx, StatusCodes.Status400BadRequest, "rejected");
            return;
        }
        if (response is null)
        {
            ctx.Abort(); // the intake sends no answer: nobody is waiting for one, or the sender did not give up in time
            return;
        }
        if (remote && intake is null) Trace.Message(response);
        WriteHeaders(ctx.Response.Headers, response);
        ctx.Response.ContentType = HttpWire.ContentType;
        ctx.Response.ContentLength = response.Body.Length;
        await ctx.Response.Body.WriteAsync(response.Body, ctx.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The body, or null after answering 413 (too large for its kind) or 400 (broken): never more than <paramref name="limit"/> bytes are buffered.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpContext ctx, int limit)
    {
        if (ctx.Request.ContentLength is { } declared && declared > limit)
        {
            Refuse(ctx, StatusCodes.Status413PayloadTooLarge, $"body over {limit} bytes for this kind");
            return null;
        }
        var buffer = new byte[Math.Min(limit + 1, (int)(ctx.Request.ContentLength ?? 4096) + 1)];
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (buffer.Length > limit)
                    {
                        Refuse(ctx, StatusCodes.Status413PayloadTooLarge, $"body over {limit} bytes for this kind");
                        return null;
                    }
                    Array.Resize(ref buffer, Math.Min(limit + 1, buffer.Length * 2));
                }
                var n = await ctx.Request.Body.ReadAsync(buffer.AsMemory(filled), ctx.RequestAborted).ConfigureAwait(false);
                if (n == 0) break;
                filled += n;
            }
        }
        catch (BadHttpRequestException e)
        {
            Refuse(ctx, e.StatusCode is >= 400 and < 500 ? e.StatusCode : StatusCodes.Status400BadRequest, "unreadable body");
            return null;
        }
        return filled == buffer.Length ? buffer : buffer[..filled];
    }

    private static void Refuse(HttpContext ctx, int status, string reason)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.Headers[HttpWire.ReasonHeader] = HttpWire.Reason(reason);
    }

    private static void WriteHeaders(IHeaderDictionary headers, NetMessage m)
    {
        headers[HttpWire.FromHeader] = HttpWire.Encode(m.From.Value);
        headers[HttpWire.ToHeader] = HttpWire.Encode(m.To.Value);
        headers[HttpWire.KindHeader] = HttpWire.Encode(m.Kind);
        headers[HttpWire.FieldsHeader] = HttpWire.EncodeFields(m.Fields);
    }

    /// <inheritdoc/>
    protected override async Task<NetMessage> DeliverAsync(NetMessage request, CancellationToken ct)
    {
        if (!map.TryGetValue(request.To, out var baseUrl))
            throw new TransportException(NetworkFailure.Unreachable, UnreachableReason);
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, HttpWire.Path));
        post.Headers.TryAddWithoutValidation(HttpWire.FromHeader, HttpWire.Encode(request.From.Value));
        post.Headers.TryAddWithoutValidation(HttpWire.ToHeader, HttpWire.Encode(request.To.Value));
        post.Headers.TryAddWithoutValidation(HttpWire.KindHeader, HttpWire.Encode(request.Kind));
        post.Headers.TryAddWithoutValidation(HttpWire.FieldsHeader, HttpWire.EncodeFields(request.Fields));
        post.Content = new ByteArrayContent(request.Body);
        post.Content.Headers.ContentType = new MediaTypeHeaderValue(HttpWire.ContentType);

        HttpResponseMessage? res = null;
        try
        {
            res = await Link(request.From, request.To).SendAsync(post, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            if (res.StatusCode == HttpStatusCode.BadGateway && Header(res, HttpWire.RemoteFailureHeader) is { } rf
                && Enum.TryParse<NetworkFailure>(rf, out var failure))
            {
                // The remote handler's own network failure: pass it on as the in-memory chain would (untraced here).
                throw new NetworkException(failure,
                    new Address(HttpWire.Decode(Header(res, HttpWire.RemoteFailureToHeader) ?? "") ?? "?"),
                    HttpWire.Decode(Header(res, HttpWire.RemoteFailureDetailHeader) ?? "") ?? "");
            }
            if (!res.IsSuccessStatusCode)
            {
                var why = Header(res, HttpWire.ReasonHeader) is { } r ? ": " + (HttpWire.Decode(r) ?? r) : "";
                // 503 is the host's own wall-clock limit on a handler (HandlerTimeout): the machine's load, like a timeout.
                throw new TransportException(NetworkFailure.Garbled, $"HTTP {(int)res.StatusCode}{why}") { Environmental = res.StatusCode == HttpStatusCode.ServiceUnavailable };
            }
            var head = HttpWire.ReadHeaders(h => Header(res, h), out var reason);
            if (head is not { } h) throw new TransportException(NetworkFailure.Garbled, reason);
            if (h.To != request.From || h.From != request.To)
                throw new TransportException(NetworkFailure.Garbled, $"response addressed {h.From} -> {h.To}");
            var body = await res.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            return new NetMessage(h.From, h.To, h.Kind, body, h.Fields);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.NameResolutionError)
        {
            throw new TransportException(NetworkFailure.Unreachable, "connection refused", e);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError
                                             || e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            // Refused or not connected within the bound: from a party that listens, the machine's load (its backlog, its connection limit).
            throw new TransportException(NetworkFailure.Unreachable, "connection refused", e) { Environmental = true };
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.SecureConnectionError)
        {
            throw new TransportException(NetworkFailure.Garbled, "TLS handshake refused (certificate not of the addressed party under the world's root, or ours refused)", e);
        }
        catch (HttpRequestException e)
        {
            // A connection our own host closed before answering (ResponseEnded) is its connection limit under load, not its answer.
            throw new TransportException(NetworkFailure.Garbled, $"bad HTTP exchange ({e.HttpRequestError}): {e.Message}", e)
                { Environmental = e.HttpRequestError is HttpRequestError.ResponseEnded };
        }
        catch (IOException e)
        {
            throw new TransportException(NetworkFailure.Garbled, $"connection broken mid-response: {e.Message}", e) { Environmental = true };
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested && e.InnerException is TimeoutException)
        {
            throw new TransportException(NetworkFailure.Timeout, $"no answer within {Timeout.TotalMilliseconds} ms", e);
        }
        finally
        {
            res?.Dispose();
        }
    }

    private static string? Header(HttpResponseMessage res, string name) =>
        res.Headers.TryGetValues(name, out var v) && v.ToArray() is [var one] ? one : null;

    /// <summary>Stops every host this network started and its client.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        foreach (var c in links.Values) c.Dispose();
        foreach (var at in hosts.Keys.ToArray())
            if (hosts.TryRemove(at, out var app))
                await app.DisposeAsync().ConfigureAwait(false);
    }
}
