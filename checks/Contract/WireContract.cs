using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;

namespace MultiWallet.Checks.Contract;

/// <summary>
/// The wire contract (docs/protocol/openapi.yaml) as a validator of messages. Each message kind's entry in
/// <c>x-mw-kinds</c> gives who sends it to whom, its direction, its body schema and its fields schema; this class checks a
/// message against them with JsonSchema.Net (draft 2020-12) and follows what JSON Schema leaves to the application: the
/// content keywords (a body or a base64 field whose <c>contentMediaType</c> is JSON is decoded, checked canonical and
/// validated against its <c>contentSchema</c>, recursively; an <c>application/cms</c> one is checked for the envelope's
/// shape). A violation names the kind, the place and what is wrong.
/// </summary>
internal sealed class WireContract
{
    /// <summary>The base URI the document is registered under, so schemas refer into it by JSON Pointer.</summary>
    public static readonly Uri Base = new("https://multiwallet.invalid/protocol/openapi.json");

    private readonly BuildOptions build;
    private readonly ConcurrentDictionary<string, JsonSchema> schemas = new(StringComparer.Ordinal);
    private readonly JsonObject kinds;

    /// <summary>The contract of <paramref name="document"/> (the OpenAPI document as JSON).</summary>
    public WireContract(JsonNode document)
    {
        Document = document;
        kinds = document["x-mw-kinds"]?.AsObject() ?? throw new InvalidDataException("the document has no x-mw-kinds");
        var registry = new SchemaRegistry();
        registry.Register(Base, new JsonElementBaseDocument(JsonSerializer.SerializeToElement(document), Base));
        build = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012 };
    }

    /// <summary>The committed contract (embedded in this assembly from docs/protocol/openapi.yaml).</summary>
    public static WireContract Committed => CommittedContract.Value;

    private static readonly Lazy<WireContract> CommittedContract = new(() => new WireContract(YamlJson.Parse(ContractDocument.Text)));

    /// <summary>The document as JSON.</summary>
    public JsonNode Document { get; }

    /// <summary>Every kind the contract defines.</summary>
    public IReadOnlyList<string> Kinds => [.. kinds.Select(k => k.Key)];

    /// <summary>The JSON Schema at <paramref name="pointer"/> in the document (compiled once).</summary>
    public JsonSchema SchemaAt(string pointer) => schemas.GetOrAdd(pointer, p =>
        JsonSchema.Build(JsonSerializer.SerializeToElement(new JsonObject { ["$ref"] = Base + "#" + p }), build));

    /// <summary>
    /// Every violation of <paramref name="m"/> seen as a <paramref name="direction"/> ("request" or "response"). With
    /// <paramref name="open"/> (the recipients' keys), envelopes are opened and their plaintext validated too.
    /// </summary>
    public IReadOnlyList<string> Violations(NetMessage m, string direction, Func<byte[], byte[]>? open = null)
    {
        var errors = new List<string>();
        var where = $"{direction} {m.Kind} {m.From.Value} -> {m.To.Value}";
        if (kinds[m.Kind] is not JsonObject entry)
        {
            errors.Add($"{where}: kind not in the contract");
            return errors;
        }
        if ((string?)entry["direction"] != direction) errors.Add($"{where}: the contract has it as a {(string?)entry["direction"]}");
        Party(entry, "from", m.From, where, errors);
        Party(entry, "to", m.To, where, errors);
        foreach (var (header, value) in new[] { ("X-MW-From", m.From.Value), ("X-MW-To", m.To.Value), ("X-MW-Kind", m.Kind) })
            Check(HeaderSchema(header), JsonValue.Create(value), $"{where} header {header}", errors);
        Check("/components/schemas/FieldsHeader", JsonValue.Create(HttpWire.EncodeFields(m.Fields)), $"{where} X-MW-Fields", errors);
        var fields = new JsonObject(m.Fields.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));
        Check($"/x-mw-kinds/{Escape(m.Kind)}/fields", fields, $"{where} fields", errors);
        if (entry["bodyLimit"] is JsonValue limit && m.Body.Length > (long)limit) errors.Add($"{where}: body of {m.Body.Length} bytes over the limit {limit}");
        if (direction == "request" && entry["bodyLimit"] is JsonValue l && (long)l != HttpWire.BodyLimit(m.Kind))
            errors.Add($"{where}: the contract's limit {l} is not the receiver's {HttpWire.BodyLimit(m.Kind)}");
        Bytes($"/x-mw-kinds/{Escape(m.Kind)}/body", m.Body, $"{where} body", errors, open, (string?)entry["x-mw-envelope-content"]);
        return errors;
    }

    private static string HeaderSchema(string header) => header switch
    {
        "X-MW-Kind" => "/components/schemas/Kind",
        _ => "/components/schemas/Address",
    };

    private static void Party(JsonObject entry, string end, Address a, string where, List<string> errors)
    {
        // Party classes: every server wallet is `sw`, every merchant (`merchant`, `merchant/ID`) is `merchant`.
        var cls = a.WalletName is not null ? "sw" : a.IsMerchant ? "merchant" : a.Value;
        if (entry[end] is JsonArray allowed && !allowed.Any(x => (string?)x == cls))
            errors.Add($"{where}: {end} {a.Value} is not one of [{string.Join(", ", allowed)}]");
    }

    /// <summary>Validates <paramref name="instance"/> against the schema at <paramref name="pointer"/>; false with the errors added when it fails.</summary>
    public bool Check(string pointer, JsonNode? instance, string where, List<string> errors)
    {
        var element = JsonSerializer.SerializeToElement(instance);
        // The pass/fail answer is cheap; the detailed one is asked for only to explain a failure.
        if (SchemaAt(pointer).Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid) return true;
        var result = SchemaAt(pointer).Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var details = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).Distinct().Take(6).ToList();
        errors.Add($"{where}: does not match {pointer}{(details.Count == 0 ? "" : " (" + string.Join("; ", details) + ")")}");
        return false;
    }

    /// <summary>
    /// Validates bytes against the string-level schema at <paramref name="pointer"/> (a body, or a decoded base64 field):
    /// its content media type decides how they are read. An <c>anyOf</c> passes when one branch does.
    /// </summary>
    public bool Bytes(string pointer, byte[] bytes, string where, List<string> errors, Func<byte[], byte[]>? open = null, string? envelopeContent = null)
    {
        var node = Resolve(pointer, out var at);
        if (node["anyOf"] is JsonArray branches)
        {
            var tried = new List<string>();
            for (var i = 0; i < branches.Count; i++)
            {
                var attempt = new List<string>();
                if (Bytes($"{at}/anyOf/{i}", bytes, where, attempt, open, envelopeContent)) return true;
                tried.AddRange(attempt);
            }
            errors.Add($"{where}: matches no branch of {at} [{string.Join(" | ", tried)}]");
            return false;
        }
        var media = Annotation(at, "contentMediaType");
        if (media == "application/json")
            return Json(ContentSchema(at) ?? throw new InvalidDataException($"{at} declares JSON content without a contentSchema"), bytes, where, errors, open);
        if (media == "application/cms")
        {
            if (CmsShape.Defect(bytes) is { } why) { errors.Add($"{where}: {why}"); return false; }
            if (open is null || (Annotation(at, "x-mw-envelope-content") ?? envelopeContent) is not { } content) return true;
            byte[] plain;
            try { plain = open(bytes); }
            catch (Exception e) when (e is not OutOfMemoryException) { errors.Add($"{where}: the envelope does not open with its recipient's key ({e.Message})"); return false; }
            return Json($"/components/schemas/{Escape(content)}", plain, $"{where}<{content}>", errors, open);
        }
        string text;
        try { text = new UTF8Encoding(false, true).GetString(bytes); }
        catch (DecoderFallbackException) { errors.Add($"{where}: not UTF-8 text"); return false; }
        return Check(at, JsonValue.Create(text), where, errors);
    }

    /// <summary>Canonical JSON bytes validated against the schema at <paramref name="pointer"/>, their contents followed.</summary>
    private bool Json(string pointer, byte[] bytes, string where, List<string> errors, Func<byte[], byte[]>? open)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(bytes); }
        catch (JsonException e) { errors.Add($"{where}: not JSON ({e.Message.Split('.')[0]})"); return false; }
        using (doc)
        {
            if (CanonicalJson.Defect(bytes, doc.RootElement) is { } why) { errors.Add($"{where}: {why}"); return false; }
            return Check(pointer, JsonNode.Parse(bytes), where, errors) && Follow(pointer, doc.RootElement, where, errors, open);
        }
    }

    /// <summary>
    /// Walks a JSON instance that validated against the schema at <paramref name="pointer"/> and validates the content of
    /// every base64 string whose schema declares a content media type (JSON Schema only annotates it).
    /// </summary>
    private bool Follow(string pointer, JsonElement instance, string where, List<string> errors, Func<byte[], byte[]>? open)
    {
        var ok = true;
        foreach (var at in Applicable(pointer, instance))
        {
            var node = Node(at);
            if (instance.ValueKind == JsonValueKind.Object && node["properties"] is JsonObject props)
                foreach (var p in instance.EnumerateObject())
                    if (props.ContainsKey(p.Name)) ok &= Value($"{at}/properties/{Escape(p.Name)}", p.Value, $"{where}.{p.Name}", errors, open);
            if (instance.ValueKind == JsonValueKind.Array && node["items"] is JsonObject)
            {
                var i = 0;
                foreach (var x in instance.EnumerateArray()) ok &= Value($"{at}/items", x, $"{where}[{i++}]", errors, open);
            }
        }
        return ok;
    }

    /// <summary>One value at a schema: a base64 string with content is decoded and validated; anything else is walked.</summary>
    private bool Value(string pointer, JsonElement value, string where, List<string> errors, Func<byte[], byte[]>? open)
    {
        if (value.ValueKind == JsonValueKind.String && Annotation(pointer, "contentEncoding") == "base64" && Annotation(pointer, "contentMediaType") is not null)
        {
            byte[] bytes;
            try { bytes = Convert.FromBase64String(value.GetString()!); }
            catch (FormatException) { errors.Add($"{where}: not base64"); return false; }
            return Bytes(pointer, bytes, where, errors, open);
        }
        return Follow(pointer, value, where, errors, open);
    }

    /// <summary>
    /// The schema locations that apply to <paramref name="instance"/> at <paramref name="pointer"/>: itself, what its
    /// <c>$ref</c> and <c>allOf</c> bring in, and the <c>oneOf</c>/<c>anyOf</c> branches it validates against.
    /// </summary>
    private IEnumerable<string> Applicable(string pointer, JsonElement instance)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([pointer]);
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            if (!seen.Add(at)) continue;
            yield return at;
            var node = Node(at);
            if ((string?)node["$ref"] is { } r) queue.Enqueue(Local(r));
            if (node["allOf"] is JsonArray all) for (var i = 0; i < all.Count; i++) queue.Enqueue($"{at}/allOf/{i}");
            foreach (var key in new[] { "oneOf", "anyOf" })
                if (node[key] is JsonArray any)
                    for (var i = 0; i < any.Count; i++)
                        if (SchemaAt($"{at}/{key}/{i}").Evaluate(instance).IsValid) queue.Enqueue($"{at}/{key}/{i}");
        }
    }

    /// <summary>A content keyword at <paramref name="pointer"/>: the schema's own value first, then through its <c>$ref</c> and <c>allOf</c>.</summary>
    private string? Annotation(string pointer, string keyword)
    {
        foreach (var at in Chain(pointer))
            if ((string?)Node(at)[keyword] is { } v) return v;
        return null;
    }

    /// <summary>The location of the <c>contentSchema</c> that applies at <paramref name="pointer"/>, or null.</summary>
    private string? ContentSchema(string pointer) => Chain(pointer).Where(at => Node(at)["contentSchema"] is not null).Select(at => at + "/contentSchema").FirstOrDefault();

    private IEnumerable<string> Chain(string pointer)
    {
        var at = pointer;
        for (var guard = 0; guard < 32; guard++)
        {
            yield return at;
            var node = Node(at);
            if (node["allOf"] is JsonArray all)
                for (var i = 0; i < all.Count; i++)
                    foreach (var inner in Chain($"{at}/allOf/{i}")) yield return inner;
            if ((string?)node["$ref"] is not { } r) yield break;
            at = Local(r);
        }
    }

    /// <summary>The node at <paramref name="pointer"/> after following <c>$ref</c>s that stand alone.</summary>
    private JsonObject Resolve(string pointer, out string at)
    {
        at = pointer;
        var node = Node(at);
        while (node.Count == 1 && (string?)node["$ref"] is { } r)
        {
            at = Local(r);
            node = Node(at);
        }
        return node;
    }

    private JsonObject Node(string pointer)
    {
        JsonNode? node = Document;
        foreach (var token in pointer.Split('/').Skip(1))
            node = node is JsonArray a
                ? int.TryParse(token, out var i) && i >= 0 && i < a.Count ? a[i] : null
                : node?[token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        return node as JsonObject ?? throw new InvalidDataException($"no schema object at {pointer}");
    }

    private static string Local(string reference) =>
        reference.StartsWith('#') ? reference[1..] : throw new InvalidDataException($"only local references are allowed: {reference}");

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
