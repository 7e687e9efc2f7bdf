using MultiWallet.Impl.Crypto;
using Org.BouncyCastle.Security;

namespace MultiWallet.Impl.Protocol;

/// <summary>
/// What a client holds to run wallet sessions (the PC's WUMs, a master's virtual WUM): its login name, the key it shares
/// with each wallet it registered at (null for a wallet it has no login at), and its random stream for session ids.
/// Session ids are 128 random bits, so nobody can guess the next one; in a seeded world the stream is seeded, so a run
/// replays.
/// </summary>
public sealed class ClientLogin(string client, Func<string, byte[]?> keys, SecureRandom ids)
{
    private readonly Lock gate = new();

    /// <summary>The login name the client authenticates as.</summary>
    public string Client { get; } = client;

    /// <summary>The key shared with <paramref name="wallet"/>, or null when the client has no login there.</summary>
    public byte[]? KeyFor(string wallet) => keys(wallet);

    /// <summary>True when <paramref name="session"/> has the form of a session id: 32 lowercase hex digits.</summary>
    public static bool IsSessionId(string session) => session.Length == 32 && session.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    /// <summary>A fresh session id: 128 bits of the client's stream, hex.</summary>
    public string NewSessionId()
    {
        lock (gate) return Convert.ToHexStringLower(ids.Bytes(16));
    }
}
