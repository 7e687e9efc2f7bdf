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
public sealed class ExpiringTable<TKey, TValue>(IClock clock, TimeSpan lifetime, IEqualityComparer<TKey>? comparer = null) : IExpiringTable<TKey, TValue> where TKey : notnull
{
    private readonly Dictionary<TKey, (TValue Value, DateTime Until)> entries = new(comparer);

    /// <inheritdoc/>
    public TimeSpan Lifetime => lifetime;

    /// <inheritdoc/>
    public int Count => entries.Count;

    /// <inheritdoc/>
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

    /// <inheritdoc/>
    public bool ContainsKey(TKey key) => TryGet(key, out _);

    /// <inheritdoc/>
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

    /// <inheritdoc/>
    public bool TryAdd(TKey key, TValue value)
    {
        if (ContainsKey(key)) return false;
        entries[key] = (value, clock.UtcNow + lifetime);
        return true;
    }

    /// <inheritdoc/>
    public bool Remove(TKey key) => entries.Remove(key);

    /// <summary>The live entries now (what a restarted owner reads back; their lifetimes restart with it).</summary>
    public IReadOnlyDictionary<TKey, TValue> Snapshot()
    {
        var now = clock.UtcNow;
        return entries.Where(e => e.Value.Until > now).ToDictionary(e => e.Key, e => e.Value.Value, entries.Comparer);
    }
}
