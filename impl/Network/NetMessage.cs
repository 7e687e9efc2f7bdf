namespace MultiWallet.Impl.Network;

/// <summary>
/// One message on the wire. <see cref="Body"/> is the exact bytes (the trace digests them);
/// <see cref="Fields"/> are the few key fields shown in the human trace (brand, amount, LID-M, XID, session...).
/// Fields are informational only: receivers decide on the body, never on the fields.
/// </summary>
public sealed record NetMessage(Address From, Address To, string Kind, byte[] Body, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>An empty field set.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>();

    /// <summary>A message without trace fields.</summary>
    public NetMessage(Address from, Address to, string kind, byte[] body) : this(from, to, kind, body, NoFields) { }

    /// <summary>A reply to this message (swaps the addresses).</summary>
    public NetMessage Reply(string kind, byte[] body, IReadOnlyDictionary<string, string>? fields = null) =>
        new(To, From, kind, body, fields ?? NoFields);

    /// <summary>The trace field of that name, or null.</summary>
    public string? Field(string name) => Fields.TryGetValue(name, out var v) ? v : null;
}
