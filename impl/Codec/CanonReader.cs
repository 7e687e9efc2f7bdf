using System.Text.Json;

namespace MultiWallet.Impl.Codec;

/// <summary>Strict reader for <see cref="CanonWriter"/> output. Call <see cref="End"/> to reject unknown keys.</summary>
public sealed class CanonReader
{
    private readonly JsonElement e;
    private readonly string what;
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    private CanonReader(JsonElement e, string what) { this.e = e; this.what = what; }

    private static SetException Bad(string what, string why) => new(SetErrorCode.Malformed, $"{what}: {why}");

    /// <summary>Parses a top-level message whose "msg" must be <paramref name="msg"/>; bytes must be canonical.</summary>
    public static CanonReader Parse(byte[] bytes, string msg)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow }); }
        catch (JsonException) { throw Bad(msg, "does not parse (truncated or not canonical JSON)"); }
        if (doc.RootElement.ValueKind != JsonValueKind.Object) throw Bad(msg, "not an object");
        var r = new CanonReader(doc.RootElement.Clone(), msg);
        var m = r.Str("msg");
        if (m != msg) throw Bad(msg, $"is a {m} message");
        return r;
    }

    /// <summary>Rejects bytes that are not exactly the canonical encoding of the parsed value.</summary>
    public static void RequireCanonical(byte[] input, byte[] reencoded, string msg)
    {
        if (!input.AsSpan().SequenceEqual(reencoded)) throw Bad(msg, "not in canonical form");
    }

    private JsonElement Get(string k, JsonValueKind kind)
    {
        read.Add(k);
        if (!e.TryGetProperty(k, out var v)) throw Bad(what, $"missing field {k}");
        if (v.ValueKind != kind) throw Bad(what, $"field {k} has the wrong type");
        return v;
    }

    /// <summary>True when the field is present (for optional fields).</summary>
    public bool Has(string k) => e.TryGetProperty(k, out _);

    /// <summary>A string field; empty only when <paramref name="allowEmpty"/>.</summary>
    public string Str(string k, bool allowEmpty = false)
    {
        var s = Get(k, JsonValueKind.String).GetString()!;
        if (!allowEmpty && s.Length == 0) throw Bad(what, $"field {k} is empty");
        return s;
    }

    /// <summary>An integer field (a JSON number without fraction or exponent).</summary>
    public long Long(string k)
    {
        var v = Get(k, JsonValueKind.Number);
        if (!v.TryGetInt64(out var l)) throw Bad(what, $"field {k} is not an integer");
        return l;
    }

    /// <summary>A non-empty base64 byte field, of exactly <paramref name="length"/> bytes when given.</summary>
    public byte[] Bytes(string k, int? length = null)
    {
        var s = Get(k, JsonValueKind.String).GetString()!;
        byte[] b;
        try { b = Convert.FromBase64String(s); }
        catch (FormatException) { throw Bad(what, $"field {k} is not base64"); }
        if (length is { } n && b.Length != n) throw Bad(what, $"field {k} must be {n} bytes");
        if (b.Length == 0) throw Bad(what, $"field {k} is empty");
        return b;
    }

    /// <summary>A nested object field, read with the same strictness.</summary>
    public CanonReader Obj(string k, string subWhat) => new(Get(k, JsonValueKind.Object), $"{what}.{subWhat}");

    /// <summary>A list of base64 byte strings.</summary>
    public IReadOnlyList<byte[]> BytesList(string k)
    {
        var a = Get(k, JsonValueKind.Array);
        var list = new List<byte[]>();
        foreach (var x in a.EnumerateArray())
        {
            if (x.ValueKind != JsonValueKind.String) throw Bad(what, $"field {k} has a non-string item");
            try { list.Add(Convert.FromBase64String(x.GetString()!)); }
            catch (FormatException) { throw Bad(what, $"field {k} has a non-base64 item"); }
        }
        return list;
    }

    /// <summary>A list of strings.</summary>
    public IReadOnlyList<string> StrList(string k)
    {
        var a = Get(k, JsonValueKind.Array);
        return a.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : throw Bad(what, $"field {k} has a non-string item")).ToList();
    }

    /// <summary>Rejects fields this message type does not define.</summary>
    public void End()
    {
        foreach (var p in e.EnumerateObject())
            if (!read.Contains(p.Name)) throw Bad(what, $"unknown field {p.Name}");
    }

    /// <summary>Parses, builds, rejects unknown fields and non-canonical bytes: the one decoding path of every message.</summary>
    public static T Decode<T>(byte[] bytes, string msg, Func<CanonReader, T> build, Func<T, byte[]> encode)
    {
        if (bytes is null || bytes.Length == 0) throw Bad(msg, "empty");
        CanonReader r;
        T value;
        // JsonDocument validates UTF-8 inside strings only when a string is read: a tampered byte there
        // surfaces as InvalidOperationException from GetString, which is malformed input like any other.
        try { r = Parse(bytes, msg); value = build(r); }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            throw Bad(msg, $"does not decode ({e.GetType().Name})");
        }
        r.End();
        RequireCanonical(bytes, encode(value), msg);
        return value;
    }
}
