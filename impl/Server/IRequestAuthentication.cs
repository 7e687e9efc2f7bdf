using MultiWallet.Impl.Network;

namespace MultiWallet.Impl.Server;

/// <summary>
/// How a wallet's <see cref="SessionGuard"/> decides that a session request comes from the login it names (docs/DECISIONS.md,
/// "Sessions and logins"). <see cref="RequestAuthentication"/> is the one faithful rule; the interface is the seam a
/// seeded attack fault substitutes.
/// </summary>
public interface IRequestAuthentication
{
    /// <summary>True when <paramref name="m"/> authenticates as a request of <paramref name="login"/> (whose key is <paramref name="key"/>) to <paramref name="wallet"/>.</summary>
    bool Authentic(byte[] key, string wallet, string login, NetMessage m);
}
