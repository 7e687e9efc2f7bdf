using System.Collections.Immutable;
using System.Text.Json;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Recorded;

/// <summary>Typed reads of one line's JSON object: a missing or mistyped field is a <see cref="TraceFormatException"/> naming line and field.</summary>
internal readonly struct JsonFields(JsonElement e, int line)
{
    public int Line => line;

    public TraceFormatException Error(string field, string problem) => new(line, field, problem);

    public bool Has(string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    private JsonElement Get(string name, JsonValueKind kind, string expect)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) throw Error(name, "missing");
        if (v.ValueKind != kind) throw Error(name, $"expected {expect}, found {v.ValueKind.ToString().ToLowerInvariant()}");
        return v;
    }

    public string Str(string name)
    {
        var s = Get(name, JsonValueKind.String, "a string").GetString()!;
        return s;
    }

    public string? OptStr(string name) => Has(name) ? Str(name) : null;

    public long Long(string name)
    {
        var v = Get(name, JsonValueKind.Number, "a number");
        return v.TryGetInt64(out var n) ? n : throw Error(name, "expected an integer");
    }

    public int Int(string name)
    {
        var n = Long(name);
        return n is >= 0 and <= int.MaxValue ? (int)n : throw Error(name, $"{n} is out of range (0..{int.MaxValue})");
    }

    public bool Bool(string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) throw Error(name, "missing");
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(name, $"expected true or false, found {v.ValueKind.ToString().ToLowerInvariant()}"),
        };
    }

    public bool OptBool(string name, bool otherwise) => Has(name) ? Bool(name) : otherwise;

    public JsonFields Obj(string name) => new(Get(name, JsonValueKind.Object, "an object"), line);

    public IEnumerable<JsonElement> Arr(string name) => Get(name, JsonValueKind.Array, "an array").EnumerateArray();

    public IReadOnlyList<string> Strings(string name)
    {
        var list = new List<string>();
        foreach (var v in Arr(name))
            list.Add(v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Error($"{name}[{list.Count}]", "expected a string"));
        return list;
    }

    public ImmutableSortedSet<Brand> Brands(string name) => [.. Strings(name).Select(b => new Brand(b))];

    /// <summary>An object of string values (a message's fields, a decision's detail); empty when absent.</summary>
    public IReadOnlyDictionary<string, string> Map(string name)
    {
        if (!Has(name)) return MultiWallet.Impl.Network.NetMessage.NoFields;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in Get(name, JsonValueKind.Object, "an object").EnumerateObject())
            map[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : throw Error($"{name}.{p.Name}", "expected a string");
        return map;
    }

    public IEnumerable<(string Name, JsonElement Value)> Properties => e.EnumerateObject().Select(p => (p.Name, p.Value));

    public TEnum Enum<TEnum>(string name) where TEnum : struct, System.Enum
    {
        var s = Str(name);
        return System.Enum.TryParse<TEnum>(s, out var v) && System.Enum.IsDefined(v) && !char.IsDigit(s[0])
            ? v : throw Error(name, $"unknown value \"{s}\" (expected one of {string.Join(", ", System.Enum.GetNames<TEnum>())})");
    }
}
