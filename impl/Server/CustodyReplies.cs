using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;

namespace MultiWallet.Impl.Server;

/// <summary>
/// The <see cref="RecordedReplies"/> of an E8 custodian (DECISIONS.md S2): one record per custody request (its digest),
/// kept only for a <see cref="CustodyProtocol.Released"/> reply — the state change a retry must not turn into
/// <c>AlreadyReleased</c> — for <see cref="ServerWallet.SessionLifetime"/> (the acquiring session's lifetime). Refusals
/// change nothing and are not kept.
/// </summary>
public static class CustodyReplies
{
    /// <summary>The release record of the custodian <paramref name="actor"/> on <paramref name="clock"/>.</summary>
    public static RecordedReplies For(IClock clock, TraceLog trace, string actor) => new(clock, ServerWallet.SessionLifetime,
        m => m.Kind == CustodyProtocol.Acquire ? RequestDigest.Of(m) : null,
        reply => reply.Kind == CustodyProtocol.Released, trace, actor);
}
