using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;

namespace MultiWallet.Impl.Server;

/// <summary>
/// The one rule by which a wallet admits session requests (docs/DECISIONS.md, "Sessions and logins"). A request is acted on
/// only when its MAC verifies under the key of the login it names (<see cref="WalletLogins"/>), its session id is well
/// formed, and it is either the start of a session id not in use (number 0) or the next request (last number + 1) of a
/// session that login started. An identical repeat of a session's last request (same number, same MAC: a network
/// duplicate, or a client's retry after a lost answer) gets the reply recorded for the first, byte for byte, and changes
/// nothing. Anything else gets a typed <see cref="WalletProtocol.Rejected"/> reply naming the cause (sealed when the
/// request authenticated, so its client can trust it), is traced, and leaves nothing behind. Every reply the handler
/// builds is sealed with the login's key over the request's MAC. Records live <see cref="ServerWallet.SessionLifetime"/>
/// from the session's start on the wallet's clock. With a keep-alive network (a master wallet, whose work waits on slaves and
/// custodians), a repeat that arrives while the first is still handled waits <see cref="INetwork.KeepAliveFor"/> for its
/// reply and is answered a sealed <see cref="WalletProtocol.Working"/> if the reply is not there yet (S4): the client keeps
/// waiting and sends it again, and the work itself goes on.
/// </summary>
public sealed class SessionGuard
{
    private readonly string wallet;
    private readonly WalletLogins logins;
    private readonly TraceLog trace;
    private readonly IRequestAuthentication authentication;
    private readonly INetwork? keepAlive;
    private readonly ExpiringTable<string, SessionRecord> records;
    private readonly Lock gate = new();

    /// <summary>
    /// The guard of <paramref name="wallet"/> accepting <paramref name="logins"/>, expiring records on <paramref name="clock"/>;
    /// <paramref name="persisted"/> is the session log a restarted wallet reads back; <paramref name="authentication"/> decides
    /// whether a request comes from the login it names (default <see cref="RequestAuthentication.Faithful"/>); with
    /// <paramref name="keepAlive"/> a repeat of a request still being handled is answered <see cref="WalletProtocol.Working"/> on its time (S4).
    /// </summary>
    public SessionGuard(string wallet, WalletLogins logins, IClock clock, TraceLog trace, IReadOnlyDictionary<string, SessionRecord>? persisted = null,
        IRequestAuthentication? authentication = null, INetwork? keepAlive = null)
    {
        this.wallet = wallet; this.logins = logins; this.trace = trace; this.keepAlive = keepAlive;
        this.authentication = authentication ?? RequestAuthentication.Faithful;
        records = new(clock, ServerWallet.SessionLifetime, StringComparer.Ordinal);
        foreach (var (session, record) in persisted ?? new Dictionary<string, SessionRecord>()) records.TryAdd(session, record.Persisted());
    }

    /// <summary>The logins this guard accepts.</summary>
    public WalletLogins Logins => logins;

    /// <summary>Session records held (expired ones not yet swept included).</summary>
    public int Count { get { lock (gate) return records.Count; } }

    /// <summary>Forgets expired records now.</summary>
    public void Sweep() { lock (gate) records.Sweep(); }

    /// <summary>The session log: every live record as a restart would read it back.</summary>
    public IReadOnlyDictionary<string, SessionRecord> Persisted
    {
        get
        {
            lock (gate)
            {
                records.Sweep();
                return records.Snapshot().ToDictionary(kv => kv.Key, kv => kv.Value.Persisted(), StringComparer.Ordinal);
            }
        }
    }

    /// <summary>
    /// Admits <paramref name="m"/> (a session start when <paramref name="opens"/>), runs <paramref name="handler"/> on it with
    /// its session id, and returns the sealed reply; a repeat gets the recorded reply; anything else a rejection.
    /// </summary>
    public async Task<NetMessage> HandleAsync(NetMessage m, bool opens, Func<NetMessage, string, Task<NetMessage>> handler)
    {
        var login = m.Field(SessionAuth.LoginField);
        var key = login is null ? null : logins.KeyOf(login);
        if (key is null || !authentication.Authentic(key, wallet, login!, m))
            return Reject(m, null, null, SessionRejection.Unauthenticated,
                login is null ? $"no login at {wallet}" : key is null ? $"{login} has no login at {wallet}" : $"MAC does not verify under {login}'s key at {wallet}");
        var session = m.Field(WalletProtocol.SessionField);
        var seq = SessionAuth.Seq(m);
        if (session is null || !ClientLogin.IsSessionId(session) || seq is null)
            return Reject(m, login, key, SessionRejection.MalformedSession, $"session id or number not well formed at {wallet}");
        var mac = m.Field(SessionAuth.MacField)!;
        Task<NetMessage>? recorded = null;
        SharedReply<NetMessage>? pending = null;
        SessionRecord? record;
        (long Seq, string Mac, SharedReply<NetMessage>? Reply)? before = null;
        lock (gate)
        {
            records.Sweep();
            if (!records.TryGet(session, out record!)) record = null;
            if (record is not null && record.Owner != login)
                return Reject(m, login, key, SessionRejection.NotItsSession, $"session {Short(session)} at {wallet} was started by another login");
            if (record is not null && seq == record.Seq && mac == record.RequestMac && record.Reply is { } r)
                recorded = r.Join();
            else if (record is null || seq != record.Seq || mac != record.RequestMac)
            {
                if (opens && record is not null) return Reject(m, login, key, SessionRejection.SessionInUse, $"session {Short(session)} is already in use at {wallet}");
                if (opens && seq != 0) return Reject(m, login, key, SessionRejection.OutOfSequence, $"a session starts at number 0, not {seq}, at {wallet}");
                if (!opens && record is null) return Reject(m, login, key, SessionRejection.UnknownSession, $"no session {Short(session)} at {wallet}");
                if (!opens && seq != record!.Seq + 1) return Reject(m, login, key, SessionRejection.OutOfSequence, $"session {Short(session)} expects number {record.Seq + 1}, not {seq}, at {wallet}");
            }
            if (recorded is null)
            {
                pending = new SharedReply<NetMessage>();
                if (record is null) records.TryAdd(session, record = new SessionRecord(login!));
                else before = (record.Seq, record.RequestMac, record.Reply);
                (record.Seq, record.RequestMac, record.Reply) = (seq.Value, mac, pending);
            }
        }
        if (recorded is not null)
        {
            trace.Decide(wallet, TraceDecisions.SessionRepeated, new Dictionary<string, string> { ["kind"] = m.Kind, [SessionAuth.SeqField] = $"{seq}" },
                "identical repeat of the session's last request: the recorded reply, no second step");
            if (keepAlive is null || recorded.IsCompleted) return await recorded.ConfigureAwait(false);
            var wait = keepAlive.KeepAliveFor(m);
            try
            {
                return await keepAlive.Time.WithinAsync(recorded, wait).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                trace.Decide(wallet, TraceDecisions.KeptAlive, new Dictionary<string, string> { ["kind"] = m.Kind, [SessionAuth.SeqField] = $"{seq}" },
                    $"still working on it after {wait.TotalMilliseconds} ms: Working, the client keeps waiting");
                return Sealed(m.Reply(WalletProtocol.Working, []), session, seq.Value, key, login!, mac);
            }
        }
        NetMessage reply;
        try
        {
            reply = await handler(m, session).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            lock (gate)
            {
                if (before is { } b) (record!.Seq, record.RequestMac, record.Reply) = b;
                else records.Remove(session);
            }
            pending!.SetException(e);
            throw;
        }
        var sealedReply = Sealed(reply, session, seq.Value, key, login!, mac);
        pending!.SetResult(sealedReply);
        return sealedReply;
    }

    /// <summary>A reply of session <paramref name="session"/>, number <paramref name="seq"/>, sealed for the login over the request's MAC.</summary>
    private NetMessage Sealed(NetMessage reply, string session, long seq, byte[] key, string login, string requestMac)
    {
        var fields = SessionAuth.WithSeq(reply.Fields, seq);
        fields[WalletProtocol.SessionField] = session;
        fields.Remove(SessionAuth.MacField);
        return SessionAuth.Seal(key, SessionAuth.Reply, wallet, login, reply with { Fields = fields }, requestMac);
    }

    /// <summary>A typed rejection, traced; sealed for the login when the request authenticated; nothing recorded.</summary>
    private NetMessage Reject(NetMessage m, string? login, byte[]? key, SessionRejection why, string cause)
    {
        trace.Decide(wallet, TraceDecisions.SessionRejected, new Dictionary<string, string> { ["reason"] = why.ToString() }, cause);
        var fields = new Dictionary<string, string> { ["reason"] = why.ToString() };
        foreach (var f in new[] { WalletProtocol.SessionField, SessionAuth.SeqField })
            if (m.Field(f) is { } v) fields[f] = v;
        var reply = m.Reply(WalletProtocol.Rejected, new SessionRejectedBody(why.ToString(), cause).Encode(), fields);
        return key is null ? reply : SessionAuth.Seal(key, SessionAuth.Reply, wallet, login!, reply, m.Field(SessionAuth.MacField));
    }

    /// <summary>The prefix of a session id a cause quotes (what the trace shows of it is enough to tell sessions apart).</summary>
    private static string Short(string session) => session.Length <= 8 ? session : session[..8];
}
