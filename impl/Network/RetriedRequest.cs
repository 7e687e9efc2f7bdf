namespace MultiWallet.Impl.Network;

/// <summary>
/// A request whose receiver answers a byte-for-byte repeat with its recorded reply (a wallet session step, a custody
/// request, a brand query), sent again, the same bytes, when its answer did not come back within the hop's bounded
/// wait (DECISIONS.md, "Faults and recovery", S1–S3). Only a <see cref="NetworkFailure.Timeout"/> is retried: it says
/// the request or its answer was lost, and the receiver may have handled it. Any other failure (nobody at the
/// address, a refused connection) is definitive and returned at once. Each attempt waits the hop's own bounded wait
/// on the network's time, so the retries are bounded and, in memory, on the virtual clock.
/// </summary>
public static class RetriedRequest
{
    /// <summary>Attempts in all (the first included) before the last timeout is the sender's answer.</summary>
    public const int Attempts = 3;

    /// <summary>Sends <paramref name="request"/>; after a timeout, the same message again, at most <see cref="Attempts"/> times in all.</summary>
    public static Task<NetMessage> SendAsync(INetwork net, NetMessage request, CancellationToken ct = default) =>
        SendAsync(net, request, _ => false, ct);

    /// <summary>
    /// As <see cref="SendAsync(INetwork, NetMessage, CancellationToken)"/>, and an answer <paramref name="interim"/> accepts (the
    /// receiver's authenticated <c>Wallet.Working</c>, S4) is not the answer: the same message is sent again, at most
    /// <see cref="KeepAlive.MaxInterim"/> times; one more is a Timeout (the receiver never finished within the bound).
    /// Timeouts count over the whole request, interim answers or not, so the wait is bounded by <see cref="KeepAlive.Bound"/>.
    /// </summary>
    public static async Task<NetMessage> SendAsync(INetwork net, NetMessage request, Func<NetMessage, bool> interim, CancellationToken ct = default)
    {
        var timeouts = 0;
        var interims = 0;
        while (true)
        {
            NetMessage reply;
            try
            {
                reply = await net.SendAsync(request, ct).ConfigureAwait(false);
            }
            catch (NetworkException e) when (e.Failure == NetworkFailure.Timeout && ++timeouts < Attempts && !ct.IsCancellationRequested)
            {
                net.Trace.Decide(request.From.Value, TraceDecisions.Retried, new Dictionary<string, string> { ["kind"] = request.Kind, ["attempt"] = (timeouts + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    $"no answer from {request.To.Value} ({e.Failure}): the same request again");
                continue;
            }
            if (!interim(reply)) return reply;
            var fields = new Dictionary<string, string> { ["kind"] = request.Kind, ["interim"] = (++interims).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (interims > KeepAlive.MaxInterim)
            {
                var why = $"{request.To.Value} still working after {KeepAlive.MaxInterim} interim answers: given up";
                net.Trace.Decide(request.From.Value, TraceDecisions.StillWorking, fields, why);
                throw new NetworkException(NetworkFailure.Timeout, request.To, why);
            }
            net.Trace.Decide(request.From.Value, TraceDecisions.StillWorking, fields, $"{request.To.Value} is still working on it: the same request again");
        }
    }
}
