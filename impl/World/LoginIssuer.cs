using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Protocol;
using Org.BouncyCastle.Security;

namespace MultiWallet.Impl.World;

/// <summary>
/// The world's issuance of login keys (docs/DECISIONS.md, "Sessions and logins"): one 256-bit key per (client, wallet)
/// pairing — the user's PC at each wallet it uses, a master at each of its slaves — drawn from the world's seeded
/// randomness under the pairing's name, so a seed replays and no party's key tells anything about another's. A wallet
/// accepts a login only once it is registered there (<see cref="Server.WalletLogins"/>); the key of a pairing nobody
/// registered opens nothing.
/// </summary>
/// <param name="seed">The world's seed.</param>
public sealed class LoginIssuer(int seed)
{
    /// <summary>The login name of the user's PC (every WUM on it).</summary>
    public const string User = "user";

    /// <summary>The key of the pairing of <paramref name="client"/> with <paramref name="wallet"/>.</summary>
    public byte[] Key(string client, string wallet) => SeededRandom.For(seed, $"login/{client}@{wallet}").Bytes(32);

    /// <summary>What <paramref name="client"/> holds: its keys and the stream it draws session ids from.</summary>
    public ClientLogin Client(string client, SecureRandom ids) => new(client, wallet => Key(client, wallet), ids);

    /// <summary>Registers <paramref name="client"/> at a wallet's <paramref name="logins"/> (named <paramref name="wallet"/>).</summary>
    public Server.WalletLogins Register(Server.WalletLogins logins, string client, string wallet) => logins.Register(client, Key(client, wallet));
}
