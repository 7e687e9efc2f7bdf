using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MultiWallet.Impl.Network.Http;

namespace MultiWallet.Checks.Network;

/// <summary>
/// A hand-written HTTP/1.1 client for limit checks: sends exactly the bytes a check chooses (a head that
/// announces more body than is ever sent, chunks past a limit, malformed headers) and reads the status line
/// and headers of the answer, inside TLS: it accepts a server certificate of the checks' world
/// (<see cref="LoopbackTls"/>) and presents the client certificate it is given, if any. Loopback only; every wait is
/// bounded by <see cref="Bound"/>, a hang guard that is not part of any verdict.
/// </summary>
internal static class RawClient
{
    /// <summary>Longest wait for an answer (generous: only a hung server reaches it).</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <summary>The answer's status code (0 when the connection closed without one, <see cref="NoAnswer"/> when <see cref="Bound"/> passed first) and headers.</summary>
    public sealed record Answer(int Status, IReadOnlyDictionary<string, string> Headers, string Raw)
    {
        /// <summary>Whether the hang guard fired: the machine, not the server, decided this exchange.</summary>
        public bool TimedOut => Status == NoAnswer;
    }

    /// <summary>The status of an exchange that <see cref="Bound"/> cut short.</summary>
    public const int NoAnswer = -1;

    /// <summary>
    /// Sends <paramref name="head"/> (request line and headers, without the blank line), then the body parts, and reads the
    /// answer; over TLS with <paramref name="clientCertificate"/> presented when given.
    /// </summary>
    public static Answer Exchange(Uri baseUrl, string head, IEnumerable<byte[]> bodyParts, X509Certificate2? clientCertificate = null)
    {
        using var cts = new CancellationTokenSource(Bound);
        try { return Exchange(baseUrl, head, bodyParts, clientCertificate, cts.Token); }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            return new Answer(NoAnswer, new Dictionary<string, string>(), "");
        }
    }

    private static Answer Exchange(Uri baseUrl, string head, IEnumerable<byte[]> bodyParts, X509Certificate2? clientCertificate, CancellationToken ct)
    {
        using var tcp = new TcpClient();
        tcp.ConnectAsync(baseUrl.Host, baseUrl.Port, ct).AsTask().GetAwaiter().GetResult();
        using var s = new SslStream(tcp.GetStream());
        s.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = baseUrl.Host,
            RemoteCertificateValidationCallback = (_, cert, _, _) =>
                cert is X509Certificate2 c && HttpTls.PartyOf(c) is { } p && LoopbackTls.Trust.RefuseServer(c, p) is null,
            LocalCertificateSelectionCallback = clientCertificate is null ? null : (_, _, _, _, _) => clientCertificate,
        }, ct).GetAwaiter().GetResult();
        try
        {
            s.WriteAsync(Encoding.ASCII.GetBytes(head + "\r\n\r\n"), ct).AsTask().GetAwaiter().GetResult();
            foreach (var part in bodyParts) s.WriteAsync(part, ct).AsTask().GetAwaiter().GetResult();
        }
        catch (IOException) { /* the server may answer and close before the whole body is sent: read what it said */ }
        return Read(s, ct);
    }

    /// <summary>A POST to /mw with the four message headers (values as given, unencoded) and a Content-Length.</summary>
    public static string Head(Uri baseUrl, string from, string to, string kind, string fields, long contentLength, string? extra = null) =>
        $"POST /mw HTTP/1.1\r\nHost: {baseUrl.Host}:{baseUrl.Port}\r\nX-MW-From: {from}\r\nX-MW-To: {to}\r\nX-MW-Kind: {kind}\r\nX-MW-Fields: {fields}\r\n"
        + (contentLength >= 0 ? $"Content-Length: {contentLength}\r\n" : "Transfer-Encoding: chunked\r\n")
        + (extra is null ? "" : extra + "\r\n") + "Content-Type: application/octet-stream";

    /// <summary>One chunk of a chunked body.</summary>
    public static byte[] Chunk(byte[] data) =>
        [.. Encoding.ASCII.GetBytes($"{data.Length:x}\r\n"), .. data, .. "\r\n"u8.ToArray()];

    private static Answer Read(Stream s, CancellationToken ct)
    {
        var buf = new List<byte>();
        var one = new byte[4096];
        try
        {
            while (Encoding.ASCII.GetString([.. buf]).IndexOf("\r\n\r\n", StringComparison.Ordinal) < 0)
            {
                var n = s.ReadAsync(one, ct).AsTask().GetAwaiter().GetResult();
                if (n == 0) break;
                buf.AddRange(one.AsSpan(0, n));
            }
        }
        catch (IOException) { /* reset after the answer: keep what arrived */ }
        var text = Encoding.ASCII.GetString([.. buf]);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headText = end < 0 ? text : text[..end];
        var lines = headText.Split("\r\n");
        var status = lines.Length > 0 && lines[0].Split(' ') is [_, var code, ..] && int.TryParse(code, out var c) ? c : 0;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var l in lines.Skip(1))
            if (l.Split(':', 2) is [var k, var v]) headers[k.Trim()] = v.Trim();
        return new Answer(status, headers, text);
    }
}
