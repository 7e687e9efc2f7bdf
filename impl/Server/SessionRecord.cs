using MultiWallet.Impl.Network;

namespace MultiWallet.Impl.Server;

/// <summary>
/// What a wallet keeps of one session for its <see cref="SessionGuard"/>: the login that started it, the number and MAC of
/// its last request, and the reply to that request (pending while it is being handled), so an identical repeat is answered
/// from the record and never acted on twice. Mutated only under the guard's lock.
/// </summary>
/// <param name="owner">The login that started the session: the only one that may continue or end it.</param>
public sealed class SessionRecord(string owner)
{
    /// <summary>The login that started the session.</summary>
    public string Owner { get; } = owner;
    /// <summary>The number of the last request acted on.</summary>
    public long Seq { get; set; }
    /// <summary>The MAC of the last request acted on.</summary>
    public string RequestMac { get; set; } = "";
    /// <summary>The reply to the last request (null: lost with a restart, so its repeat is handled again).</summary>
    public SharedReply<NetMessage>? Reply { get; set; }

    /// <summary>What survives a restart: the record with its reply if one was sent (an in-flight reply is lost with the connection).</summary>
    public SessionRecord Persisted() => new(Owner)
    {
        Seq = Seq,
        RequestMac = RequestMac,
        Reply = Reply is { IsCompletedSuccessfully: true } ? Reply : null,
    };
}
