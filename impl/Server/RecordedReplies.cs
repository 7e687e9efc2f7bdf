using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;

namespace MultiWallet.Impl.Server;

/// <summary>
/// Per session (or per request, for a receiver without sessions), the last request's digest and the reply to it
/// (DECISIONS.md, "Faults and recovery", S1): a request repeated byte for byte — a duplicate on the network, or the
/// sender's retry after a lost answer — gets the recorded reply of the first, never a second state change and never
/// a refusal; a repeat that arrives while the first is still handled waits for the same reply. A different request
/// of the session replaces the record. A record is kept only once its session exists (<paramref name="opens"/> says
/// which replies establish one; later replies of an established session replace it), so input the receiver refuses
/// leaves nothing that grows; each lives <paramref name="lifetime"/> from its last reply on <paramref name="clock"/>. A
/// reply that established nothing (a refusal) is kept in one slot, overwritten by the next such reply: a retry that
/// follows it gets it too (the refusal is not decided twice: routing and questions to the user are not repeated), and
/// the slot never grows, so it is not counted in <see cref="Count"/>.
/// </summary>
/// <param name="clock">The receiver's clock.</param>
/// <param name="lifetime">How long a record is kept after its reply (a session's lifetime: a retry comes within it).</param>
/// <param name="key">The session a request belongs to (null: not recorded).</param>
/// <param name="opens">Whether a reply establishes its session (a wallet's Forward, a custodian's release).</param>
/// <param name="trace">Where a repeat answered from the record is traced (decision <see cref="TraceDecisions.RequestRepeated"/>).</param>
/// <param name="actor">Who records the repeats in the trace.</param>
public sealed class RecordedReplies(IClock clock, TimeSpan lifetime, Func<NetMessage, string?> key, Func<NetMessage, bool> opens, TraceLog trace, string actor)
{
    private readonly ExpiringTable<string, (string Digest, SharedReply<NetMessage> Reply)> records = new(clock, lifetime, StringComparer.Ordinal);
    private readonly Lock gate = new();
    private (string Session, string Digest, SharedReply<NetMessage> Reply)? lastRefusal;

    /// <summary>Records held (expired ones not yet swept included).</summary>
    public int Count { get { lock (gate) return records.Count; } }

    /// <summary>Drops expired records now (the receiver's housekeeping sweep).</summary>
    public void Sweep() { lock (gate) records.Sweep(); }

    /// <summary>The reply to <paramref name="m"/>: the recorded one when it repeats the session's last request, else <paramref name="handle"/>'s, recorded.</summary>
    public async Task<NetMessage> AnswerAsync(NetMessage m, CancellationToken ct, Func<NetMessage, CancellationToken, Task<NetMessage>> handle)
    {
        if (key(m) is not { } session) return await handle(m, ct).ConfigureAwait(false);
        var digest = RequestDigest.Of(m);
        var mine = new SharedReply<NetMessage>();
        bool established;
        Task<NetMessage>? recorded = null;
        lock (gate)
        {
            records.Sweep();
            established = records.TryGet(session, out var last);
            if (established && last.Digest == digest) recorded = last.Reply.Join();
            else if (!established && lastRefusal is { } r && r.Session == session && r.Digest == digest) recorded = r.Reply.Join();
            else Put(session, (digest, mine));
        }
        if (recorded is not null)
        {
            var again = await recorded.ConfigureAwait(false);
            trace.Decide(actor, TraceDecisions.RequestRepeated, new Dictionary<string, string> { ["kind"] = m.Kind }, "the same request again: the recorded reply, nothing changed");
            return again;
        }
        NetMessage answer;
        try { answer = await handle(m, ct).ConfigureAwait(false); }
        catch (Exception e)
        {
            lock (gate) Drop(session, mine);
            mine.SetException(e);
            throw;
        }
        // A reply that establishes no session (a refusal of a request that opened nothing) is not kept: it changed nothing.
        if (!established && !opens(answer))
            lock (gate)
            {
                Drop(session, mine);
                lastRefusal = (session, digest, mine);
            }
        mine.SetResult(answer);
        return answer;
    }

    private void Put(string session, (string, SharedReply<NetMessage>) record)
    {
        records.Remove(session);
        records.TryAdd(session, record);
    }

    private void Drop(string session, SharedReply<NetMessage> mine)
    {
        if (records.TryGet(session, out var r) && r.Reply == mine) records.Remove(session);
    }
}
