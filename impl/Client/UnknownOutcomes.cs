using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Client;

/// <summary>
/// The user PC's memory of purchases whose outcome it reported as unknown (the wallet's every inquiry was lost,
/// DECISIONS.md W2): for each, the wallet's last inquiry as relayed. Once the network heals,
/// <see cref="ResolveAsync"/> sends that inquiry again (same RRPID and Chall-C: an inquiry is a read, repeating it is
/// safe) and reports the merchant's settled answer as the user's final answer. One store per network the PC sends
/// on (every entry point of a PC shares it), so whichever relay kept an order, one heal resolves them all.
/// It is part of what the PC persists (<see cref="PcDisk"/>): a restarted PC still resolves these orders.
/// </summary>
public sealed class UnknownOutcomes
{
    private readonly SortedDictionary<string, Entry> pending = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    private sealed record Entry(Address Self, Address Merchant, string Wallet, string Brand, byte[] Inquiry, IReadOnlyDictionary<string, string> Fields);

    /// <summary>The cause prefix of the wallet's refusal after its last inquiry got no answer (CardholderPurchase, W2).</summary>
    public const string UnknownCause = "ProtocolError: outcome unknown";

    /// <summary>The store of the PC that sends on <paramref name="net"/>.</summary>
    public static UnknownOutcomes For(INetwork net) => PcDisk.For(net).Unknown;

    /// <summary>Orders ("MERCHANT/LID-M") whose outcome is still unknown, in order.</summary>
    public IReadOnlyList<string> Orders { get { lock (gate) return [.. pending.Keys]; } }

    /// <summary>Keeps an order the wallet reported unknown, with the last inquiry relayed for it; false when it is not such an outcome.</summary>
    internal bool Keep(PaymentOutcome outcome, Address self, Address merchant, string wallet, byte[]? inquiry, IReadOnlyDictionary<string, string>? fields)
    {
        if (outcome is not Refused { Reason: RefusalReason.ProtocolError } r || !r.Cause.StartsWith(UnknownCause, StringComparison.Ordinal) || inquiry is null || fields is null) return false;
        var q = InqReq.Decode(inquiry);
        lock (gate) pending[$"{q.MerchantId}/{q.LidM}"] = new Entry(self, merchant, r.Wallet ?? wallet, fields.GetValueOrDefault("brand", ""), inquiry, fields);
        return true;
    }

    /// <summary>
    /// Asks the merchant again about every kept order; returns the final answers learned (order "MERCHANT/LID-M" → outcome: several
    /// merchants may use the same LID-M). An order
    /// still unanswered (no answer, or Pending) stays kept for the next heal.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, PaymentOutcome>> ResolveAsync(INetwork net, CancellationToken ct = default)
    {
        List<KeyValuePair<string, Entry>> todo;
        lock (gate) todo = [.. pending];
        var resolved = new Dictionary<string, PaymentOutcome>(StringComparer.Ordinal);
        foreach (var (lid, e) in todo)
        {
            NetMessage reply;
            try { reply = await net.SendAsync(new NetMessage(e.Self, e.Merchant, InqReq.Kind, e.Inquiry, e.Fields), ct).ConfigureAwait(false); }
            catch (NetworkException) { continue; }
            var outcome = Read(reply, e);
            if (outcome is null) continue;
            lock (gate) pending.Remove(lid);
            resolved[lid] = outcome;
            net.Trace.Decide("pc", TraceDecisions.Outcome, new Dictionary<string, string> { ["lid-m"] = InqReq.Decode(e.Inquiry).LidM, ["after"] = "re-inquiry" }, outcome.ToString());
        }
        return resolved;
    }

    /// <summary>The merchant's answer to the repeated inquiry as the user's final answer; null while it is still pending.</summary>
    private static PaymentOutcome? Read(NetMessage reply, Entry e)
    {
        try
        {
            if (reply.Kind == ErrorMessage.Kind) return Refused.From(ErrorMessage.Decode(reply.Body), e.Wallet);
            var q = InqReq.Decode(e.Inquiry);
            var res = InqRes.Decode(SignedMessage.Decode(reply.Body, InqRes.Kind).Content);
            // The answer must be to this inquiry (echoed RRPID and Chall-C, same transaction).
            if (!res.Rrpid.AsSpan().SequenceEqual(q.Rrpid) || !res.ChallC.AsSpan().SequenceEqual(q.ChallC) || !res.Xid.AsSpan().SequenceEqual(q.Xid) || res.LidM != q.LidM)
                return Refused.Because(RefusalReason.ProtocolError, e.Wallet, "inquiry answer does not match the inquiry");
            switch (res.Status)
            {
                case InquiryStatus.Pending: return null;
                case InquiryStatus.Paid:
                    var pres = PRes.Decode(SignedMessage.Decode(res.RecordedPRes[0], PRes.Kind).Content);
                    return new Paid(e.Wallet, e.Brand, Convert.ToHexStringLower(pres.Xid), pres.AuthCode);
                case InquiryStatus.Declined: return Refused.Because(RefusalReason.Declined, e.Wallet, "authorization declined by gateway");
                default: return Refused.Because(RefusalReason.ProtocolError, e.Wallet, $"order cancelled by merchant: {res.Cause}");
            }
        }
        catch (SetException ex) { return Refused.From(ex.Error, e.Wallet); }
    }
}
