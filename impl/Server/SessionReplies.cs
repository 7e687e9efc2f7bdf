using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;

namespace MultiWallet.Impl.Server;

/// <summary>
/// The <see cref="RecordedReplies"/> of a wallet serving the <see cref="WalletProtocol"/> (DECISIONS.md S1): one record
/// per session (its id), established by a <see cref="WalletProtocol.Forward"/> (the session is open), kept
/// <see cref="ServerWallet.SessionLifetime"/>, so the retried last step of a finished session still gets its Done or
/// Refused. Brand queries are reads and are not recorded.
/// </summary>
public static class SessionReplies
{
    /// <summary>The session record of the wallet <paramref name="actor"/> on <paramref name="clock"/>.</summary>
    public static RecordedReplies For(IClock clock, TraceLog trace, string actor) => new(clock, ServerWallet.SessionLifetime,
        m => m.Kind == WalletProtocol.BrandQuery ? null : m.Field(WalletProtocol.SessionField),
        reply => reply.Kind == WalletProtocol.Forward, trace, actor);
}
