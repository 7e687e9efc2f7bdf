using MultiWallet.Impl.Crypto;

namespace MultiWallet.Impl.Server.Master;

/// <summary>
/// The faithful store: one credential per running session, gone when the session ends, and in any case
/// <see cref="ServerWallet.SessionLifetime"/> after it was acquired (on <paramref name="clock"/>), so a
/// purchase abandoned mid-way does not keep a slave's key reachable.
/// </summary>
public sealed class AcquiredCredentials(IClock? clock = null) : IAcquiredCredentials
{
    private readonly ExpiringTable<string, CardholderCredential> held = new(clock ?? new FixedClock(), ServerWallet.SessionLifetime, StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <inheritdoc/>
    public void Hold(string session, CardholderCredential credential)
    {
        lock (gate)
        {
            held.Remove(session);
            held.TryAdd(session, credential);
        }
    }

    /// <inheritdoc/>
    public bool Erase(string session) { lock (gate) return held.Remove(session); }

    /// <inheritdoc/>
    public int Count
    {
        get
        {
            lock (gate)
            {
                held.Sweep();
                return held.Count;
            }
        }
    }
}
