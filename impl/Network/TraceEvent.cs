namespace MultiWallet.Impl.Network;

/// <summary>One line of the trace: a message on the wire or a decision a component took.</summary>
public abstract record TraceEvent(int Seq)
{
    /// <summary>Characters kept of an address, a kind, an actor, a decision name, a field's name or value; the rest is cut with a marker.</summary>
    public const int MaxText = 256;

    /// <summary>Characters kept of a decision's reason; the rest is cut with a marker.</summary>
    public const int MaxReason = 512;

    /// <summary>Fields kept of a message or a decision (the first by ordinal name); the others are counted in one marker field.</summary>
    public const int MaxFields = 32;

    /// <summary>The name of the marker field counting the fields left out (sorts after every field name of the protocol).</summary>
    public const string MoreFields = "~more";

    /// <summary>The event as one stable line of text.</summary>
    public abstract string Render();

    /// <summary>
    /// Fields whose values are long random identifiers or tags (a wallet session's id, a message's MAC): a rendered line shows
    /// their first <see cref="PrefixShown"/> characters, as it shows a body by its digest; the event keeps them whole.
    /// </summary>
    public static readonly IReadOnlySet<string> ShownByPrefix = new HashSet<string>(StringComparer.Ordinal) { "session", "mac" };

    /// <summary>Characters a rendered line shows of a <see cref="ShownByPrefix"/> field.</summary>
    public const int PrefixShown = 8;

    internal static string RenderFields(IReadOnlyDictionary<string, string> fields) =>
        string.Join(' ', fields.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key}={(ShownByPrefix.Contains(kv.Key) && kv.Value.Length > PrefixShown ? kv.Value[..PrefixShown] : kv.Value)}"));

    /// <summary><paramref name="text"/> itself when it has at most <paramref name="max"/> characters, else its start and how much was cut.</summary>
    public static string Bound(string text, int max) => text.Length <= max ? text : $"{text[..max]}...[+{text.Length - max} chars]";

    internal static Address Bound(Address a) => a.Value is null || a.Value.Length <= MaxText ? a : new Address(Bound(a.Value, MaxText));

    /// <summary>
    /// The fields themselves when they are within bounds (every honest message's are), else a copy keeping the first
    /// <see cref="MaxFields"/> by ordinal name, each name and value cut to <see cref="MaxText"/>, and a marker counting the rest.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> Bound(IReadOnlyDictionary<string, string> fields)
    {
        if (fields.Count <= MaxFields && fields.All(kv => kv.Key.Length <= MaxText && kv.Value.Length <= MaxText)) return fields;
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in fields.OrderBy(kv => kv.Key, StringComparer.Ordinal).Take(MaxFields))
            kept[Bound(k, MaxText)] = Bound(v, MaxText);
        if (fields.Count > MaxFields) kept[MoreFields] = $"+{fields.Count - MaxFields} fields";
        return kept;
    }
}
