using MultiWallet.Impl.Crypto;

namespace MultiWallet.Impl.Server.Master;

/// <summary>The faithful store: one credential per running session, gone when the session ends.</summary>
public sealed class AcquiredCredentials : IAcquiredCredentials
{
    private readonly Dictionary<string, CardholderCredential> held = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <inheritdoc/>
    public void Hold(string session, CardholderCredential credential) { lock (gate) held[session] = credential; }

    /// <inheritdoc/>
    public bool Erase(string session) { lock (gate) return held.Remove(session); }

    /// <inheritdoc/>
    public int Count { get { lock (gate) return held.Count; } }
}
