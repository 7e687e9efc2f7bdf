using MultiWallet.Impl.Network;

namespace MultiWallet.Impl.Protocol;

/// <summary>
/// The client end of one wallet session: sends each request under the login with the session id and its sequence number
/// (<see cref="SessionAuth"/>), and accepts a reply only when it authenticates as the wallet's answer to that very request
/// (same session, same number, the wallet's MAC over it and the request's MAC). Anything else — a forged or replayed
/// Done, Forward or Refused, a reply to another request — is the network's garbling: it is traced and thrown as a
/// <see cref="NetworkFailure.Garbled"/> failure, so the caller handles it as it handles a lost answer.
/// </summary>
/// <param name="net">The network the client sends on.</param>
/// <param name="self">The client's address.</param>
/// <param name="wallet">The wallet's address.</param>
/// <param name="walletName">The wallet's name (what the login key is for).</param>
/// <param name="login">The client's login name.</param>
/// <param name="key">The key the login shares with the wallet.</param>
/// <param name="session">The session id (fresh, unguessable: <see cref="ClientLogin.NewSessionId"/>).</param>
/// <param name="next">The number of the session's next request: 0 for a new session; a resumed one continues its numbering.</param>
public sealed class SessionChannel(INetwork net, Address self, Address wallet, string walletName, string login, byte[] key, string session, long next = 0)
{
    private long next = next;

    /// <summary>The session id.</summary>
    public string Session { get; } = session;

    /// <summary>Sends the session's next request (the start is number 0) and returns the authenticated reply.</summary>
    public Task<NetMessage> ExchangeAsync(string kind, byte[] body, IReadOnlyDictionary<string, string> fields, CancellationToken ct) =>
        SendAsync(kind, body, fields, Interlocked.Increment(ref next) - 1, ct);

    /// <summary>The number the session's next request gets.</summary>
    public long Next => Interlocked.Read(ref next);

    /// <summary>Sends request number <paramref name="seq"/> (a proxy numbers its upstream requests as its client did) and returns the authenticated reply.</summary>
    public Task<NetMessage> SendAsync(string kind, byte[] body, IReadOnlyDictionary<string, string> fields, long seq, CancellationToken ct) =>
        ExchangeAsync(Seal(kind, body, fields, seq), ct);

    /// <summary>The session's next request, sealed and numbered (the number is taken): what a client persists before it sends it.</summary>
    public NetMessage SealNext(string kind, byte[] body, IReadOnlyDictionary<string, string> fields) =>
        Seal(kind, body, fields, Interlocked.Increment(ref next) - 1);

    private NetMessage Seal(string kind, byte[] body, IReadOnlyDictionary<string, string> fields, long seq)
    {
        var f = SessionAuth.WithSeq(fields, seq);
        f[WalletProtocol.SessionField] = Session;
        f[SessionAuth.LoginField] = login;
        f.Remove(SessionAuth.MacField);
        return SessionAuth.Seal(key, SessionAuth.Request, walletName, login, new NetMessage(self, wallet, kind, body, f));
    }

    /// <summary>
    /// Sends a request this channel sealed (<see cref="SealNext"/>; again after a restart, the same bytes) and returns the
    /// authenticated reply to it.
    /// </summary>
    public async Task<NetMessage> ExchangeAsync(NetMessage request, CancellationToken ct)
    {
        var seq = SessionAuth.Seq(request);
        // A lost answer is asked for again with the same bytes: the wallet answers an identical repeat from its record (S1).
        // An authenticated Wallet.Working says the wallet is still at it (S4): the same bytes again, within KeepAlive's bound.
        var reply = await RetriedRequest.SendAsync(net, request, r => r.Kind == WalletProtocol.Working && Authentic(r, request, seq), ct).ConfigureAwait(false);
        if (!Authentic(reply, request, seq))
        {
            const string why = "reply does not authenticate as the wallet's answer to this request; not acted on";
            net.Trace.Decide(login, TraceDecisions.SessionRejected, new Dictionary<string, string> { ["from"] = walletName, ["kind"] = reply.Kind }, why);
            throw new NetworkException(NetworkFailure.Garbled, wallet, why);
        }
        return reply;
    }

    /// <summary>True when <paramref name="reply"/> authenticates as the wallet's answer to <paramref name="request"/> (number <paramref name="seq"/>).</summary>
    private bool Authentic(NetMessage reply, NetMessage request, long? seq) =>
        reply.Field(WalletProtocol.SessionField) == Session && SessionAuth.Seq(reply) == seq
        && SessionAuth.Verifies(key, SessionAuth.Reply, walletName, login, reply, request.Field(SessionAuth.MacField));
}
