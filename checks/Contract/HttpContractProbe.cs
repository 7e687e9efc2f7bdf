using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Contract;

/// <summary>
/// A client that speaks the contract by hand over HTTPS to a served world: it builds the request headers as the document
/// says, sends exactly the bytes a probe chooses, and judges the answer against the document: the status code is one the
/// operation declares, the headers that status requires are there, and a 200 is a message the contract allows as an answer
/// to the request's kind, addressed back to the sender.
/// </summary>
internal sealed class HttpContractProbe(PaymentWorld world, WireContract contract) : IDisposable
{
    private readonly Dictionary<string, HttpClient> clients = new(StringComparer.Ordinal);

    /// <summary>What came back: the status, the answer as a message (for a 200), and every way it departs from the document.</summary>
    public sealed record Result(int Status, NetMessage? Answer, IReadOnlyList<string> Violations, string? Reason);

    /// <summary>
    /// POSTs <paramref name="body"/> to the party at <paramref name="to"/> with the given headers (null leaves one out; each
    /// value is sent as given, already encoded), presenting <paramref name="as"/>'s certificate when given; <paramref name="path"/>
    /// replaces <c>/mw</c>.
    /// </summary>
    public Result Send(Address to, string? from, string? toHeader, string? kind, string? fields, byte[] body, Address? @as = null, string path = HttpWire.Path)
    {
        var url = world.Wire is HttpNetwork http && http.AddressMap.TryGetValue(to, out var u) ? u : throw new InvalidOperationException($"{to} is not served");
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(url, path));
        foreach (var (h, v) in new[] { (HttpWire.FromHeader, from), (HttpWire.ToHeader, toHeader), (HttpWire.KindHeader, kind), (HttpWire.FieldsHeader, fields) })
            if (v is not null) post.Headers.TryAddWithoutValidation(h, v);
        post.Content = new ByteArrayContent(body);
        post.Content.Headers.ContentType = new MediaTypeHeaderValue(HttpWire.ContentType);
        using var res = Client(to, @as).Send(post);
        var status = (int)res.StatusCode;
        var errors = new List<string>();
        var declared = contract.Document["paths"]?["/mw"]?["post"]?["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (declared is null) errors.Add($"status {status} is not declared for POST /mw");
        else
            foreach (var h in DeclaredHeaders(declared))
                if (!res.Headers.Contains(h)) errors.Add($"status {status} without its header {h}");
        var reason = One(res, HttpWire.ReasonHeader) is { } r ? HttpWire.Decode(r) ?? r : null;
        if (status != 200) return new Result(status, null, errors, reason);
        var head = HttpWire.ReadHeaders(h => One(res, h), out var why);
        if (head is not { } m) return new Result(status, null, [.. errors, $"200 without message headers: {why}"], reason);
        if (res.Content.Headers.ContentType?.MediaType != HttpWire.ContentType) errors.Add($"200 with content type {res.Content.Headers.ContentType}");
        var answer = new NetMessage(m.From, m.To, m.Kind, res.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult(), m.Fields);
        if (from is not null && (HttpWire.Decode(from) != answer.To.Value || answer.From != to)) errors.Add($"answer addressed {answer.From} -> {answer.To}");
        errors.AddRange(contract.Violations(answer, "response"));
        if (kind is not null && contract.Document["x-mw-kinds"]?[HttpWire.Decode(kind) ?? ""]?["answers"] is JsonArray answers && !answers.Any(a => (string?)a == answer.Kind))
            errors.Add($"{answer.Kind} is not an answer the contract allows to {HttpWire.Decode(kind)}");
        return new Result(status, answer, errors, reason);
    }

    private IEnumerable<string> DeclaredHeaders(JsonNode response)
    {
        var node = response;
        if ((string?)node["$ref"] is { } r)
            node = r.Split('/').Skip(1).Aggregate<string, JsonNode?>(contract.Document, (n, t) => n?[t]) ?? response;
        return node["headers"] is JsonObject headers ? headers.Select(h => h.Key) : [];
    }

    private static string? One(HttpResponseMessage res, string name) =>
        res.Headers.TryGetValues(name, out var v) && v.ToArray() is [var one] ? one : null;

    /// <summary>One client per (receiver, certificate presented): it trusts the world's TLS root and accepts only the receiver's certificate.</summary>
    private HttpClient Client(Address to, Address? @as)
    {
        var key = to.Value + "|" + @as?.Value;
        if (clients.TryGetValue(key, out var c)) return c;
        var own = @as is { } a ? world.Keys.HttpTls.CertificateOf(a) : null;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) => world.Keys.HttpTls.RefuseServer(cert as X509Certificate2, to) is null,
                LocalCertificateSelectionCallback = own is null ? null : (_, _, _, _, _) => own,
            },
        };
        return clients[key] = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Disposes every client.</summary>
    public void Dispose()
    {
        foreach (var c in clients.Values) c.Dispose();
    }
}
