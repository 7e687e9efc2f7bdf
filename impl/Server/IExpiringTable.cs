namespace MultiWallet.Impl.Server;

/// <summary>
/// What a server keeps per session or per order, bounded by time (<see cref="ExpiringTable{TKey, TValue}"/> is the
/// faithful one; the interface is the seam a seeded fault substitutes). Not thread-safe by itself: its owner locks.
/// </summary>
public interface IExpiringTable<TKey, TValue> where TKey : notnull
{
    /// <summary>How long an entry lives after it was added.</summary>
    TimeSpan Lifetime { get; }

    /// <summary>Entries held now, expired ones not yet swept included (what the memory really holds).</summary>
    int Count { get; }

    /// <summary>Removes every expired entry and returns them (the owner may have to erase what they hold).</summary>
    IReadOnlyList<KeyValuePair<TKey, TValue>> Sweep();

    /// <summary>True when a live entry exists for the key.</summary>
    bool ContainsKey(TKey key);

    /// <summary>The live entry for the key, if any.</summary>
    bool TryGet(TKey key, out TValue value);

    /// <summary>Adds an entry living <see cref="Lifetime"/> from now; false when a live one exists for the key.</summary>
    bool TryAdd(TKey key, TValue value);

    /// <summary>Removes the entry (live or expired); false when there was none.</summary>
    bool Remove(TKey key);
}
