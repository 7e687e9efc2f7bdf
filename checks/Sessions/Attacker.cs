using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Sessions;

/// <summary>
/// The session requests an attacker builds: with no login at all, under a login with a key that is not the login's (a
/// guessed or stolen-looking MAC), or as another registered client under its own key.
/// </summary>
internal static class Attacker
{
    /// <summary>The login name of another client registered at the attacked wallet (it holds its own key, not the user's).</summary>
    public const string Other = "other";

    /// <summary>A session request with the given fields and no MAC.</summary>
    public static NetMessage Bare(Address to, string kind, byte[] body, string session, long seq, string? login = null)
    {
        var f = SessionAuth.WithSeq(NetMessage.NoFields, seq);
        f[WalletProtocol.SessionField] = session;
        if (login is not null) f[SessionAuth.LoginField] = login;
        return new NetMessage(Address.Pc, to, kind, body, f);
    }

    /// <summary>A session request claiming <paramref name="login"/> but sealed under <paramref name="key"/>.</summary>
    public static NetMessage Sealed(byte[] key, Address to, string kind, byte[] body, string session, long seq, string login) =>
        SessionAuth.Seal(key, SessionAuth.Request, to.WalletName!, login, Bare(to, kind, body, session, seq, login));

    /// <summary>A key that belongs to no pairing of the world.</summary>
    public static byte[] WrongKey(PaymentWorld world) => world.Logins.Key("nobody", "nowhere");

    /// <summary>The rejection reason of a reply (its kind when it is no rejection).</summary>
    public static string Reason(NetMessage reply) => reply.Kind == WalletProtocol.Rejected ? reply.Field("reason") ?? "?" : reply.Kind;

    /// <summary>Sends <paramref name="m"/> on the world's network and returns the reply.</summary>
    public static NetMessage Send(PaymentWorld world, NetMessage m) => world.Run(ct => world.Network.SendAsync(m, ct));
}
