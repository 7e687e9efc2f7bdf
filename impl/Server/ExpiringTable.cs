using MultiWallet.Impl.Crypto;

namespace MultiWallet.Impl.Server;

/// <summary>
/// A keyed table whose entries live a fixed time from insertion on an injected <see cref="IClock"/>
/// (a virtual one in deterministic runs), so what a server keeps per session or per order is bounded by
/// time rather than by how many peers behave. Expired entries are swept on every access (no timer, no
/// thread): a run replays exactly, and an idle server holds what it held until somebody talks to it.
/// Not thread-safe by itself: its owner locks around it.
/// </summary>
/// <param name="clock">The owner's clock.</param>
/// <param name="lifetime">How long an entry lives after it was added.</param>
/// <param name="comparer">Key comparer (default: the type's).</param>
public sealed class ExpiringTable<TKey, TValue>(IClock clock, TimeSpan lifetime, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    private readonly Dictionary<TKey, (TValue Value, DateTime Until)> entries = new(comparer);

    /// <summary>How long an entry lives after it was added.</summary>
    public TimeSpan Lifetime => lifetime;

    /// <summary>Entries held now, expired ones not yet swept included (what the memory really holds).</summary>
    public int Count => entries.Count;

    /// <summary>Removes every expired entry and returns them (the owner may have to erase what they hold).</summary>
    public IReadOnlyList<KeyValuePair<TKey, TValue>> Sweep()
    {
        var now = clock.UtcNow;
        List<KeyValuePair<TKey, TValue>>? gone = null;
        foreach (var (k, e) in entries)
            if (e.Until <= now) (gone ??= []).Add(new(k, e.Value));
        if (gone is null) return [];
        foreach (var (k, _) in gone) entries.Remove(k);
        return gone;
    }

    /// <summary>True when a live entry exists for the key.</summary>
    public bool ContainsKey(TKey key) => TryGet(key, out _);

    /// <summary>The live entry for the key, if any.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        if (entries.TryGetValue(key, out var e) && e.Until > clock.UtcNow)
        {
            value = e.Value;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Adds an entry living <see cref="Lifetime"/> from now; false when a live one exists for the key.</summary>
    public bool TryAdd(TKey key, TValue value)
    {
        if (ContainsKey(key)) return false;
        entries[key] = (value, clock.UtcNow + lifetime);
        return true;
    }

    /// <summary>Removes the entry (live or expired); false when there was none.</summary>
    public bool Remove(TKey key) => entries.Remove(key);
}
