using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Protocol;
using Org.BouncyCastle.Security;

namespace MultiWallet.Impl.World;

/// <summary>
/// The world's issuance of login keys (docs/DECISIONS.md, "Sessions and logins"): one 256-bit key per (client, wallet)
/// pairing — the user's PC at each wallet it uses, a master at each of its slaves — drawn once from the world's randomness
/// under the pairing's name (<see cref="WorldKeys.Stream"/>: seeded, so a seed replays, or fresh from the operating system
/// for a served world), so no party's key tells anything about another's. A wallet
/// accepts a login only once it is registered there (<see cref="Server.WalletLogins"/>); the key of a pairing nobody
/// registered opens nothing.
/// </summary>
/// <param name="streams">The world's random streams by label.</param>
public sealed class LoginIssuer(Func<string, SecureRandom> streams)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> keys = new(StringComparer.Ordinal);

    /// <summary>The login name of the user's PC (every WUM on it).</summary>
    public const string User = "user";

    /// <summary>The key of the pairing of <paramref name="client"/> with <paramref name="wallet"/>.</summary>
    public byte[] Key(string client, string wallet) => keys.GetOrAdd($"login/{client}@{wallet}", label => streams(label).Bytes(32));

    /// <summary>What <paramref name="client"/> holds: its keys and the stream it draws session ids from.</summary>
    public ClientLogin Client(string client, SecureRandom ids) => new(client, wallet => Key(client, wallet), ids);

    /// <summary>Registers <paramref name="client"/> at a wallet's <paramref name="logins"/> (named <paramref name="wallet"/>).</summary>
    public Server.WalletLogins Register(Server.WalletLogins logins, string client, string wallet) => logins.Register(client, Key(client, wallet));
}
