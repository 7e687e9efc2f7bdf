using System.Text;
using System.Text.Json.Nodes;
using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;

namespace MultiWallet.Checks.Attacks;

/// <summary>
/// What an attacker knows: every byte string it saw on its position plus the keys of the parties it compromised,
/// closed under every decoding and decryption it can perform — canonical decoding of SET and protocol messages into
/// their byte and string fields (signed parts are canonical messages too, so unwrapping them is decoding), and opening
/// every envelope for which it holds the recipient's key-exchange key. <see cref="Close"/> computes the fixpoint.
/// </summary>
public sealed class AttackerKnowledge(IReadOnlyList<KeyExchangeIdentity> keys)
{
    /// <summary>A bound on what is derived, so a pathological input cannot blow the closure up.</summary>
    public const int MaxItems = 50_000;

    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly List<byte[]> items = [];
    private readonly Queue<byte[]> pending = new();
    private readonly Lock gate = new();

    /// <summary>How many byte strings it knows (after the last <see cref="Close"/>).</summary>
    public int Count { get { lock (gate) return items.Count; } }

    /// <summary>How many envelopes it opened.</summary>
    public int Opened { get; private set; }

    /// <summary>Adds a byte string the attacker saw.</summary>
    public void Learn(byte[] bytes)
    {
        lock (gate) Add(bytes);
    }

    private void Add(byte[] bytes)
    {
        if (bytes.Length == 0 || items.Count >= MaxItems || !seen.Add(Convert.ToBase64String(bytes))) return;
        items.Add(bytes);
        pending.Enqueue(bytes);
    }

    /// <summary>Closes the knowledge under decoding and decryption: runs until nothing new is derived.</summary>
    public void Close()
    {
        lock (gate)
            while (pending.TryDequeue(out var b)) Derive(b);
    }

    private void Derive(byte[] b)
    {
        if (CanonEdit.Object(b) is { } o) { Fields(o); return; }
        if (keys.Count == 0 || b.Length < 64 || b[0] != 0x30) return;
        // An envelope addressed to a key it holds opens; anything else (not an envelope, another recipient) is a typed refusal.
        try { Add(Envelope.Open(b, keys, "attacker")); Opened++; }
        catch (SetException) { }
    }

    private void Fields(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o: foreach (var (_, c) in o) if (c is not null) Fields(c); break;
            case JsonArray a: foreach (var c in a) if (c is not null) Fields(c); break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                Add(Encoding.UTF8.GetBytes(s));
                if (CanonEdit.Base64(s) is { } bytes) Add(bytes);
                break;
            case JsonValue v: Add(Encoding.UTF8.GetBytes(v.ToJsonString())); break;
        }
    }

    /// <summary>Whether some known byte string contains <paramref name="secret"/>.</summary>
    public bool Contains(byte[] secret)
    {
        lock (gate) return items.Any(i => i.AsSpan().IndexOf(secret) >= 0);
    }
}
