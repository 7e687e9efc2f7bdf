using System.Text.Json;

namespace MultiWallet.Impl.Codec;

/// <summary>
/// The ONE canonical byte encoding of every SET message here: canonical JSON.
/// Rules: UTF-8, no whitespace, object keys sorted by ordinal order and unique, integers as JSON numbers
/// (no fraction/exponent), byte strings as standard base64 with padding, lists as arrays. Every top-level
/// message carries "msg": its type, so one message cannot be passed off as another.
/// Parsing is strict: the input must be exactly the canonical re-encoding of what was parsed (rejects
/// duplicates, unknown keys, whitespace, reordered keys), every required field must be present with the
/// right type, and defects surface as <see cref="SetErrorCode.Malformed"/> naming the message and field.
/// Hashes (HOD, H(OIData), H(PIData)) are SHA-256 over these canonical bytes.
/// </summary>
public sealed class CanonWriter
{
    private readonly SortedDictionary<string, object> fields = new(StringComparer.Ordinal);

    /// <summary>A writer for a top-level message tagged <paramref name="msg"/>, or for a nested object when null.</summary>
    public CanonWriter(string? msg = null) { if (msg is not null) fields["msg"] = msg; }

    /// <summary>Sets a string field.</summary>
    public CanonWriter Str(string k, string v) { fields[k] = v; return this; }
    /// <summary>Sets an integer field.</summary>
    public CanonWriter Long(string k, long v) { fields[k] = v; return this; }
    /// <summary>Sets a byte field (base64).</summary>
    public CanonWriter Bytes(string k, byte[] v) { fields[k] = v; return this; }
    /// <summary>Sets a nested object field.</summary>
    public CanonWriter Obj(string k, CanonWriter v) { fields[k] = v; return this; }
    /// <summary>Sets a list of byte strings (base64 each).</summary>
    public CanonWriter BytesList(string k, IEnumerable<byte[]> v) { fields[k] = v.ToList(); return this; }
    /// <summary>Sets a list of strings.</summary>
    public CanonWriter StrList(string k, IEnumerable<string> v) { fields[k] = v.ToList(); return this; }

    /// <summary>The canonical bytes: keys sorted, no whitespace.</summary>
    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = false, SkipValidation = false }))
            Write(w);
        return ms.ToArray();
    }

    private void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        foreach (var (k, v) in fields)
        {
            w.WritePropertyName(k);
            switch (v)
            {
                case string s: w.WriteStringValue(s); break;
                case long l: w.WriteNumberValue(l); break;
                case byte[] b: w.WriteStringValue(Convert.ToBase64String(b)); break;
                case CanonWriter o: o.Write(w); break;
                case List<byte[]> lb: w.WriteStartArray(); foreach (var b in lb) w.WriteStringValue(Convert.ToBase64String(b)); w.WriteEndArray(); break;
                case List<string> ls: w.WriteStartArray(); foreach (var s in ls) w.WriteStringValue(s); w.WriteEndArray(); break;
            }
        }
        w.WriteEndObject();
    }
}
