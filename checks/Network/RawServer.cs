using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MultiWallet.Checks.Network;

/// <summary>
/// A misbehaving "server" for transport checks: a TcpListener on 127.0.0.1:0 that accepts at most
/// <c>maxConnections</c> connections, completes the TLS handshake with <c>certificate</c> (so the misbehaviour is
/// inside a channel the client accepts) and runs <c>behaviour</c> on each, then stops. Loopback only, bounded.
/// </summary>
internal sealed class RawServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public Uri Url { get; }
    public int Accepted;

    public RawServer(X509Certificate2 certificate, Func<Stream, CancellationToken, Task> behaviour, int maxConnections = 4)
    {
        listener.Start();
        Url = new Uri($"https://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        loop = Task.Run(async () =>
        {
            var running = new List<Task>();
            try
            {
                for (var i = 0; i < maxConnections; i++)
                {
                    var socket = await listener.AcceptTcpClientAsync(stop.Token);
                    Interlocked.Increment(ref Accepted);
                    running.Add(Task.Run(async () =>
                    {
                        using (socket)
                        {
                            try
                            {
                                await using var tls = new SslStream(socket.GetStream());
                                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, stop.Token);
                                await behaviour(tls, stop.Token);
                            }
                            catch (Exception) { /* a raw server may end any way; the client side is what is checked */ }
                        }
                    }));
                }
            }
            catch (OperationCanceledException) { }
            catch (SocketException) { }
            await Task.WhenAll(running);
        });
    }

    /// <summary>Reads one HTTP request (headers and a Content-Length body) so that answers are not racing the upload.</summary>
    public static async Task ReadRequest(Stream s, CancellationToken ct)
    {
        var buf = new List<byte>();
        var one = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOf(buf, "\r\n\r\n"u8.ToArray())) < 0)
        {
            var n = await s.ReadAsync(one, ct);
            if (n == 0) return;
            buf.AddRange(one.AsSpan(0, n));
        }
        var head = Encoding.ASCII.GetString(buf.ToArray(), 0, headerEnd);
        var len = head.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim())).FirstOrDefault();
        var have = buf.Count - headerEnd - 4;
        while (have < len)
        {
            var n = await s.ReadAsync(one, ct);
            if (n == 0) return;
            have += n;
        }
    }

    private static int IndexOf(List<byte> hay, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= hay.Count; i++)
        {
            var ok = true;
            for (var j = 0; j < needle.Length && ok; j++) ok = hay[i + j] == needle[j];
            if (ok) return i;
        }
        return -1;
    }

    public static Task Write(Stream s, string text, CancellationToken ct) => s.WriteAsync(Encoding.ASCII.GetBytes(text), ct).AsTask();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        // Every behaviour runs on the stop token and the listener is stopped, so the loop ends without a deadline.
        await loop;
        stop.Dispose();
    }
}
