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
    /// <summary>The merchant the relay forwards SET messages to.</summary>
    public Address Merchant { get; } = merchant;

    /// <summary>
    /// Runs one purchase session with the wallet at <paramref name="wallet"/>. A wallet that does not answer
    /// the Start is <see cref="RefusalReason.WalletUnreachable"/> (nothing reached the merchant yet).
    /// </summary>
    public async Task<PaymentOutcome> RunAsync(Address wallet, byte[] wakeUpBytes, IReadOnlyDictionary<string, string>? startFields = null, CancellationToken ct = default, string startKind = WalletProtocol.Start)
    {
        var name = wallet.WalletName ?? wallet.Value;
        if (login.KeyFor(name) is not { } key)
            return Refused.Because(RefusalReason.ProtocolError, name, $"{login.Client} has no login at {name}");
        var channel = new SessionChannel(net, Self, wallet, name, login.Client, key, login.NewSessionId());
        var fields = new Dictionary<string, string>(startFields ?? NetMessage.NoFields);
        NetMessage resp;
        try
        {
            resp = await channel.ExchangeAsync(startKind, wakeUpBytes, fields, ct).ConfigureAwait(false);
        }
        catch (NetworkException e)
        {
            return Refused.Because(RefusalReason.WalletUnreachable, name, $"{name} {e.Failure} at session start");
        }
        // The wallet's last inquiry: kept by the PC if the wallet ends "outcome unknown", to ask again once the network heals.
        byte[]? inquiry = null;
        IReadOnlyDictionary<string, string>? inquiryFields = null;
        for (var step = 0; step < MaxSteps; step++)
        {
            switch (resp.Kind)
            {
                case WalletProtocol.Done:
                case WalletProtocol.Refused:
                    PaymentOutcome outcome;
                    try { outcome = PaymentOutcome.Decode(resp.Body); }
                    catch (Codec.SetException e) { return Refused.Because(RefusalReason.ProtocolError, name, $"garbled outcome from {name}: {e.Error.Cause}"); }
                    UnknownOutcomes.For(net).Keep(outcome, Self, Merchant, name, inquiry, inquiryFields);
                    return outcome;
                case WalletProtocol.Rejected:
                    return Rejected(resp, name);
                case WalletProtocol.Forward:
                    var kind = resp.Field(WalletProtocol.KindField) ?? "";
                    if (kind == Set.InqReq.Kind) (inquiry, inquiryFields) = (resp.Body, Strip(resp.Fields));
                    NetMessage reply;
                    try
                    {
                        reply = await net.SendAsync(new NetMessage(Self, Merchant, kind, resp.Body, Strip(resp.Fields)), ct).ConfigureAwait(false);
                    }
                    catch (NetworkException e)
                    {
                        // The wallet holds the transaction: it decides what a lost answer means (inquire, or give up).
                        // Which message went unanswered: two NoAnswer steps of one session are different steps, never a repeat of one (S1).
                        reply = resp.Reply(WalletProtocol.NoAnswer, System.Text.Encoding.ASCII.GetBytes(e.Failure.ToString()),
                            new Dictionary<string, string> { ["failure"] = e.Failure.ToString(), [UnansweredField] = RequestDigest.Of(resp)[..16] });
                    }
                    try
                    {
                        resp = await channel.ExchangeAsync(WalletProtocol.Deliver, reply.Body,
                            new Dictionary<string, string>(Strip(reply.Fields)) { [WalletProtocol.KindField] = reply.Kind }, ct).ConfigureAwait(false);
                    }
                    catch (NetworkException e)
                    {
                        return Refused.Because(RefusalReason.WalletUnreachable, name, $"{name} {e.Failure} during session");
                    }
                    break;
                default:
                    return Refused.Because(RefusalReason.ProtocolError, name, $"unexpected {resp.Kind} from {name}");
            }
        }
        return Refused.Because(RefusalReason.ProtocolError, name, $"{name} exceeded {MaxSteps} steps");
    }

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
