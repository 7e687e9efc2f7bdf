using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;

namespace MultiWallet.Impl.Client;

/// <summary>
/// The client half of the <see cref="WalletProtocol"/>: opens a session at one wallet address and relays
/// SET messages between that wallet and the merchant until the wallet reports Done or Refused. When the
/// merchant does not answer, it delivers <see cref="WalletProtocol.NoAnswer"/> to the wallet, which decides.
/// Every request is made under the client's login (<see cref="ClientLogin"/>: a fresh unguessable session id, a sequence
/// number, a MAC); a reply that does not authenticate as the wallet's answer to that very request is treated as a
/// garbled one (the network failed), never acted on.
/// Reused by every client (conventional WUM, selectors, multi-server WUM). A session step whose answer does not come
/// back within the hop's bounded wait is sent again, the same bytes (<see cref="RetriedRequest"/>, inside
/// <see cref="SessionChannel"/>): the wallet answers a repeat with the reply it recorded (DECISIONS.md S1), so a lost
/// answer on the session hop neither loses nor repeats a step.
/// </summary>
public sealed class WalletRelay(INetwork net, Address self, Address merchant, ClientLogin login)
{
    /// <summary>The field of a NoAnswer Deliver naming the forward that got no answer (a digest prefix).</summary>
    public const string UnansweredField = "unanswered";

    /// <summary>More steps than a SET purchase needs means a misbehaving wallet.</summary>
    public const int MaxSteps = 8;

    /// <summary>The PC address the relay sends from.</summary>
    public Address Self { get; } = self;
    /// <summary>The merchant the relay forwards SET messages to when a session names none (<see cref="RunAsync"/>).</summary>
    public Address Merchant { get; } = merchant;

    /// <summary>
    /// Runs one purchase session with the wallet at <paramref name="wallet"/>. A wallet that does not answer
    /// the Start is <see cref="RefusalReason.WalletUnreachable"/> (nothing reached the merchant yet). Before each request of
    /// the session is sent, the session's state is written to the PC's disk (<see cref="PcDisk"/>, <see cref="OpenSession"/>),
    /// so a restarted PC can take it up (<see cref="ResumeAsync"/>); it is removed when the session ends.
    /// <paramref name="merchant"/> is where this session's SET messages go: the merchant the wake-up names (several merchants
    /// share one PC), <see cref="Merchant"/> when null.
    /// </summary>
    public async Task<PaymentOutcome> RunAsync(Address wallet, byte[] wakeUpBytes, IReadOnlyDictionary<string, string>? startFields = null, CancellationToken ct = default,
        string startKind = WalletProtocol.Start, Address? merchant = null)
    {
        var name = wallet.WalletName ?? wallet.Value;
        if (login.KeyFor(name) is not { } key)
            return Refused.Because(RefusalReason.ProtocolError, name, $"{login.Client} has no login at {name}");
        var channel = new SessionChannel(net, Self, wallet, name, login.Client, key, login.NewSessionId());
        var fields = new Dictionary<string, string>(startFields ?? NetMessage.NoFields);
        var start = channel.SealNext(startKind, wakeUpBytes, fields);
        var s = new OpenSession(channel.Session, login.Client, wallet, name, Self, merchant ?? Merchant, fields.GetValueOrDefault("lid-m", ""), channel.Next, start, null, null, null);
        Sessions.Write(s);
        NetMessage resp;
        try
        {
            resp = await channel.ExchangeAsync(start, ct).ConfigureAwait(false);
        }
        catch (NetworkException e)
        {
            return End(s, Refused.Because(RefusalReason.WalletUnreachable, name, $"{name} {e.Failure} at session start"));
        }
        return await RelayAsync(channel, s, resp, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes up a session a PC that restarted found open on its disk (docs/DECISIONS.md, "PC restart"), under the same login
    /// and going on with its numbering: a session request whose answer was not back is sent again, the same bytes (the
    /// wallet answers a repeat with its recorded reply, S1); a SET message whose merchant answer was not back is reported
    /// to the wallet as <see cref="WalletProtocol.NoAnswer"/>, and the wallet decides (W1, W2: it inquires once a PReq may
    /// have left). Then the session is relayed to its end as any other.
    /// </summary>
    public async Task<PaymentOutcome> ResumeAsync(OpenSession s, CancellationToken ct = default)
    {
        if (s.Login != login.Client || login.KeyFor(s.WalletName) is not { } key)
            return End(s, Refused.Because(RefusalReason.ProtocolError, s.WalletName, $"{login.Client} cannot resume a session of {s.Login} at {s.WalletName}"));
        var channel = new SessionChannel(net, Self, s.Wallet, s.WalletName, s.Login, key, s.Session, s.Next);
        net.Trace.Decide(Self.Value, TraceDecisions.SessionResumed, new Dictionary<string, string> { ["wallet"] = s.WalletName, ["lid-m"] = s.LidM, ["seq"] = s.Next.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            s.InFlight is null ? "the merchant's answer was lost with the PC: the wallet is told NoAnswer" : "the session request's answer was lost with the PC: sent again, the same bytes");
        // The PC's wait for the merchant's answer ended with the PC: for the wallet, that answer timed out.
        var again = s.InFlight;
        if (again is null) (s, again) = SealDeliver(channel, s, NoAnswer(s.Merchant, NetworkFailure.Timeout, s.Unanswered ?? ""));
        NetMessage resp;
        try
        {
            resp = await channel.ExchangeAsync(again, ct).ConfigureAwait(false);
        }
        catch (NetworkException e)
        {
            return End(s, Refused.Because(RefusalReason.WalletUnreachable, s.WalletName, $"{s.WalletName} {e.Failure} during session"));
        }
        return await RelayAsync(channel, s, resp, ct).ConfigureAwait(false);
    }

    /// <summary>The PC's table of open sessions (on its disk).</summary>
    private OpenSessions Sessions => PcDisk.For(net).Sessions;

    /// <summary>The session ended with <paramref name="outcome"/>: its entry leaves the disk.</summary>
    private PaymentOutcome End(OpenSession s, PaymentOutcome outcome)
    {
        Sessions.Close(s.Session);
        return outcome;
    }

    /// <summary>Relays from the wallet's reply <paramref name="resp"/> until the wallet reports Done or Refused.</summary>
    private async Task<PaymentOutcome> RelayAsync(SessionChannel channel, OpenSession s, NetMessage resp, CancellationToken ct)
    {
        var name = s.WalletName;
        for (var step = 0; step < MaxSteps; step++)
        {
            switch (resp.Kind)
            {
                case WalletProtocol.Done:
                case WalletProtocol.Refused:
                    PaymentOutcome outcome;
                    try { outcome = PaymentOutcome.Decode(resp.Body); }
                    catch (Codec.SetException e) { return End(s, Refused.Because(RefusalReason.ProtocolError, name, $"garbled outcome from {name}: {e.Error.Cause}")); }
                    // The wallet's last inquiry: kept by the PC if the wallet ends "outcome unknown", to ask again once the network heals.
                    UnknownOutcomes.For(net).Keep(outcome, Self, s.Merchant, name, s.Inquiry, s.InquiryFields);
                    return End(s, outcome);
                case WalletProtocol.Rejected:
                    return End(s, Rejected(resp, name));
                case WalletProtocol.Forward:
                    var kind = resp.Field(WalletProtocol.KindField) ?? "";
                    if (kind == Set.InqReq.Kind) s = s with { Inquiry = resp.Body, InquiryFields = Strip(resp.Fields) };
                    // Which message went unanswered: two NoAnswer steps of one session are different steps, never a repeat of one (S1).
                    var unanswered = RequestDigest.Of(resp)[..16];
                    s = s with { InFlight = null, Unanswered = unanswered };
                    Sessions.Write(s);
                    NetMessage reply;
                    try
                    {
                        reply = await net.SendAsync(new NetMessage(Self, s.Merchant, kind, resp.Body, Strip(resp.Fields)), ct).ConfigureAwait(false);
                    }
                    catch (NetworkException e)
                    {
                        // The wallet holds the transaction: it decides what a lost answer means (inquire, or give up).
                        reply = NoAnswer(s.Merchant, e.Failure, unanswered);
                    }
                    try
                    {
                        (s, var deliver) = SealDeliver(channel, s, reply);
                        resp = await channel.ExchangeAsync(deliver, ct).ConfigureAwait(false);
                    }
                    catch (NetworkException e)
                    {
                        return End(s, Refused.Because(RefusalReason.WalletUnreachable, name, $"{name} {e.Failure} during session"));
                    }
                    break;
                default:
                    return End(s, Refused.Because(RefusalReason.ProtocolError, name, $"unexpected {resp.Kind} from {name}"));
            }
        }
        return End(s, Refused.Because(RefusalReason.ProtocolError, name, $"{name} exceeded {MaxSteps} steps"));
    }

    /// <summary>The merchant's answer (or a NoAnswer) as the session's next request, and the session's state with it in flight, written to the disk before it is sent.</summary>
    private (OpenSession, NetMessage) SealDeliver(SessionChannel channel, OpenSession s, NetMessage reply)
    {
        var deliver = channel.SealNext(WalletProtocol.Deliver, reply.Body, new Dictionary<string, string>(Strip(reply.Fields)) { [WalletProtocol.KindField] = reply.Kind });
        s = s with { Next = channel.Next, InFlight = deliver, Unanswered = null };
        Sessions.Write(s);
        return (s, deliver);
    }

    /// <summary>What the wallet is told when the merchant's answer did not come (a message as the merchant's answer would be).</summary>
    private NetMessage NoAnswer(Address merchant, NetworkFailure failure, string unanswered) =>
        new(merchant, Self, WalletProtocol.NoAnswer, System.Text.Encoding.ASCII.GetBytes(failure.ToString()),
            new Dictionary<string, string> { ["failure"] = failure.ToString(), [UnansweredField] = unanswered });

    /// <summary>An authenticated rejection (the wallet knows this client but not the session or step): the session is over.</summary>
    private static Refused Rejected(NetMessage resp, string name)
    {
        try
        {
            var (reason, cause) = SessionRejectedBody.Decode(resp.Body);
            return Refused.Because(RefusalReason.ProtocolError, name, $"session rejected ({reason}): {cause}");
        }
        catch (Codec.SetException e)
        {
            return Refused.Because(RefusalReason.ProtocolError, name, $"garbled rejection from {name}: {e.Error.Cause}");
        }
    }

    /// <summary>The fields of a session message without the session's own (what the merchant gets, or the wallet gets back).</summary>
    private static Dictionary<string, string> Strip(IReadOnlyDictionary<string, string> f) =>
        f.Where(kv => kv.Key is not (WalletProtocol.SessionField or WalletProtocol.KindField or SessionAuth.SeqField or SessionAuth.MacField or SessionAuth.LoginField))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
}
