using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MultiWallet.Checks.Sut;

/// <summary>
/// The campaign's side of the provisioning interface (docs/protocol/openapi.yaml, "Provisioning"): one call per
/// operation, each bounded by the target's timeout. An answer the contract does not allow is a
/// <see cref="SutProtocolException"/> naming the exchange; no answer in time is a <see cref="SutHangException"/>.
/// </summary>
public sealed class SutClient(SutTarget target) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { BaseAddress = target.Provisioning, Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>The target this client provisions.</summary>
    public SutTarget Target { get; } = target;

    /// <summary><c>GET /provision/info</c>.</summary>
    public SutInfo Info()
    {
        var (status, body, exchange) = Call(HttpMethod.Get, "provision/info", null);
        if (status != HttpStatusCode.OK) throw Unexpected(status, exchange);
        try
        {
            var o = JsonNode.Parse(body)!.AsObject();
            return new SutInfo((string)o["name"]!, (string)o["version"]!, o["roles"]!.AsArray().Select(r => (string)r!).ToList());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            throw new SutProtocolException("/provision/info: the answer is not a SutInfo", exchange);
        }
    }

    /// <summary><c>PUT /provision/topology</c>: the base URL of every address the SUT plays.</summary>
    public IReadOnlyDictionary<string, Uri> Topology(JsonObject topology)
    {
        var (status, body, exchange) = Call(HttpMethod.Put, "provision/topology", topology);
        if (status == HttpStatusCode.BadRequest) throw Refused(body, exchange);
        if (status != HttpStatusCode.OK) throw Unexpected(status, exchange);
        try
        {
            var map = new Dictionary<string, Uri>(StringComparer.Ordinal);
            foreach (var (address, url) in JsonNode.Parse(body)!.AsObject())
                map[address] = new Uri((string)url!, UriKind.Absolute);
            return map;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or UriFormatException)
        {
            throw new SutProtocolException("/provision/topology: the answer is not an address map", exchange);
        }
    }

    /// <summary><c>PUT /provision/knowledge</c>.</summary>
    public void Knowledge(JsonObject knowledge)
    {
        var (status, body, exchange) = Call(HttpMethod.Put, "provision/knowledge", knowledge);
        if (status == HttpStatusCode.Conflict) throw new SutUnsupportedException("the SUT holds no replaceable knowledge here: " + body);
        if (status != HttpStatusCode.NoContent) throw Unexpected(status, exchange);
    }

    /// <summary><c>PUT /provision/parties/{name}/state</c>.</summary>
    public void State(string party, string state) => NoContent(HttpMethod.Put, $"provision/parties/{Uri.EscapeDataString(party)}/state", new JsonObject { ["state"] = state });

    /// <summary>
    /// <c>POST /provision/wake-up</c>: the outcome's canonical bytes (SUT = PC). <paramref name="extra"/> is added to the
    /// call's bound: the time the campaign may hold the PC's requests for it to give up on them (faults at our receiving end).
    /// </summary>
    public byte[] WakeUp(byte[] wakeUp, TimeSpan extra = default)
    {
        var (status, body, exchange) = Call(HttpMethod.Post, "provision/wake-up", null, wakeUp, Target.Timeout + extra);
        if (status != HttpStatusCode.OK) throw Unexpected(status, exchange);
        return body;
    }

    /// <summary><c>POST /provision/wums</c> (SUT = PC, E4): the user installs a WUM.</summary>
    public void InstallWum(JsonObject wum)
    {
        var (status, body, exchange) = Call(HttpMethod.Post, "provision/wums", wum);
        if (status == HttpStatusCode.Conflict) throw new SutUnsupportedException("the SUT routes on no installed WUMs here: " + body);
        if (status != HttpStatusCode.NoContent) throw Unexpected(status, exchange);
    }

    /// <summary><c>POST /provision/parties/{name}/restart</c>: the party crashed and restarted from what it persists.</summary>
    public void Restart(string party)
    {
        var (status, _, exchange) = Call(HttpMethod.Post, $"provision/parties/{Uri.EscapeDataString(party)}/restart", null, null);
        if (status == HttpStatusCode.NotFound) throw new SutUnsupportedException($"the SUT restarts no party {party}: {exchange}");
        if (status != HttpStatusCode.NoContent) throw Unexpected(status, exchange);
    }

    /// <summary>
    /// <c>POST /provision/re-inquiry</c> (SUT = PC): the PC re-inquires every order whose outcome it reported unknown; the
    /// final answers it learned, by order ("MERCHANT/LID-M"), each a canonical <c>Outcome</c>.
    /// </summary>
    public IReadOnlyDictionary<string, Impl.Protocol.PaymentOutcome> ReInquiry()
    {
        var (status, body, exchange) = Call(HttpMethod.Post, "provision/re-inquiry", null, null);
        if (status != HttpStatusCode.OK) throw Unexpected(status, exchange);
        var answers = new Dictionary<string, Impl.Protocol.PaymentOutcome>(StringComparer.Ordinal);
        try
        {
            foreach (var item in JsonNode.Parse(Encoding.UTF8.GetString(body))!.AsArray())
            {
                var order = (string)item!["order"]!;
                if (order.IndexOf('/', StringComparison.Ordinal) is <= 0 || order.EndsWith('/')) throw new FormatException($"order {order} is not MERCHANT/LID-M");
                answers.Add(order, Impl.Protocol.PaymentOutcome.Decode(Encoding.UTF8.GetBytes((string)item["outcome"]!)));
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException or ArgumentException or Impl.Codec.SetException)
        {
            throw new SutProtocolException("/provision/re-inquiry: the answer is not a ReInquiry (" + e.Message + ")", exchange);
        }
        return answers;
    }

    /// <summary><c>PUT /provision/parties/{name}/brands</c>.</summary>
    public void Brands(string party, JsonObject brands) => NoContent(HttpMethod.Put, $"provision/parties/{Uri.EscapeDataString(party)}/brands", brands);

    /// <summary><c>GET /provision/trace</c>: its JSON Lines, or null when the SUT does not serve it (404).</summary>
    public IReadOnlyList<string>? Trace()
    {
        var (status, body, exchange) = Call(HttpMethod.Get, "provision/trace", null);
        if (status == HttpStatusCode.NotFound) return null;
        if (status != HttpStatusCode.OK) throw Unexpected(status, exchange);
        return body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private void NoContent(HttpMethod method, string path, JsonObject body)
    {
        var (status, _, exchange) = Call(method, path, body);
        if (status != HttpStatusCode.NoContent) throw Unexpected(status, exchange);
    }

    private (HttpStatusCode Status, string Body, string Exchange) Call(HttpMethod method, string path, JsonObject? body)
    {
        var (status, bytes, exchange) = Call(method, path, body, null);
        return (status, Encoding.UTF8.GetString(bytes), exchange);
    }

    private (HttpStatusCode Status, byte[] Body, string Exchange) Call(HttpMethod method, string path, JsonObject? body, byte[]? octets, TimeSpan? bound = null)
    {
        var limit = bound ?? Target.Timeout;
        var sent = body?.ToJsonString() ?? (octets is null ? "" : Encoding.UTF8.GetString(octets));
        using var req = new HttpRequestMessage(method, path);
        if (body is not null) req.Content = new StringContent(sent, Encoding.UTF8, "application/json");
        else if (octets is not null) req.Content = new ByteArrayContent(octets) { Headers = { ContentType = new("application/octet-stream") } };
        var request = $"{method} {new Uri(Target.Provisioning, path)}{(sent.Length == 0 ? "" : " " + Abbreviate(sent))}";
        using var cts = new CancellationTokenSource(limit);
        try
        {
            using var res = http.Send(req, cts.Token);
            using var stream = new MemoryStream();
            res.Content.ReadAsStream(cts.Token).CopyTo(stream);
            var bytes = stream.ToArray();
            return (res.StatusCode, bytes, $"{request}\n→ {(int)res.StatusCode} {Abbreviate(Encoding.UTF8.GetString(bytes))}");
        }
        catch (OperationCanceledException)
        {
            throw new SutHangException($"no answer within {limit.TotalSeconds} s", $"{request}\n→ (no answer within {limit.TotalSeconds} s)");
        }
        catch (HttpRequestException e)
        {
            throw new SutProtocolException($"{path}: {e.HttpRequestError}", $"{request}\n→ ({e.HttpRequestError}: {e.Message})");
        }
    }

    private static string Abbreviate(string s) => s.Length <= 400 ? s : s[..400] + $"… ({s.Length} chars)";

    private static SutProtocolException Unexpected(HttpStatusCode status, string exchange) =>
        new($"status {(int)status} is not one the contract allows here", exchange);

    private static Exception Refused(string body, string exchange)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject p && (string?)p["type"] == "unsupported")
                return new SutUnsupportedException((string?)p["title"] ?? "unsupported");
        }
        catch (JsonException) { }
        return new SutProtocolException("the SUT refused the topology", exchange);
    }

    /// <inheritdoc/>
    public void Dispose() => http.Dispose();
}
