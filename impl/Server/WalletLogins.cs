namespace MultiWallet.Impl.Server;

/// <summary>
/// The logins a wallet accepts sessions from: each client's name and the key the world issued to that pairing when the
/// client registered (the user's PC at every wallet it uses; a master at each of its slaves). Configuration, like the
/// wallet's credentials: a restarted wallet is given the same table.
/// </summary>
public sealed class WalletLogins
{
    private readonly Dictionary<string, byte[]> keys = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Registers <paramref name="client"/> with its <paramref name="key"/> (replacing an earlier key).</summary>
    public WalletLogins Register(string client, byte[] key)
    {
        lock (gate) keys[client] = key;
        return this;
    }

    /// <summary>The key of <paramref name="client"/>, or null when it has no login here.</summary>
    public byte[]? KeyOf(string client) { lock (gate) return keys.GetValueOrDefault(client); }

    /// <summary>The registered clients, sorted.</summary>
    public IReadOnlyList<string> Clients { get { lock (gate) return keys.Keys.Order(StringComparer.Ordinal).ToList(); } }
}
