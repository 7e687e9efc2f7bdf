namespace MultiWallet.Impl.Network;

/// <summary>
/// Identical requests in flight at the same time share one handling: a request repeated byte for byte
/// (<see cref="RequestDigest"/>) while the first copy is still being handled waits for that copy's answer and gets
/// the same one (DECISIONS.md, M9), never a second state change and never a refusal the first copy's progress caused.
/// An entry lives only while its handling runs; a repeat after it is the receiver's own rule (a recorded reply).
/// </summary>
/// <param name="handle">The receiver's handling of one request.</param>
public sealed class IdenticalInFlight(Func<NetMessage, CancellationToken, Task<NetMessage>> handle)
{
    private readonly Dictionary<string, SharedReply<NetMessage>> running = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Requests being handled now (what this keeps: nothing once they are answered).</summary>
    public int Count { get { lock (gate) return running.Count; } }

    /// <summary>The answer to <paramref name="m"/>: the running handling of an identical request, or a new one.</summary>
    public Task<NetMessage> AnswerAsync(NetMessage m, CancellationToken ct)
    {
        var digest = RequestDigest.Of(m);
        SharedReply<NetMessage> mine;
        lock (gate)
        {
            if (running.TryGetValue(digest, out var first)) return first.Join();
            mine = new SharedReply<NetMessage>();
            running[digest] = mine;
        }
        var answer = mine.Join();
        _ = RunAsync(m, digest, mine, ct);
        return answer;
    }

    private async Task RunAsync(NetMessage m, string digest, SharedReply<NetMessage> mine, CancellationToken ct)
    {
        try { mine.SetResult(await handle(m, ct).ConfigureAwait(false)); }
        catch (Exception e) { mine.SetException(e); }
        finally { lock (gate) running.Remove(digest); }
    }
}
