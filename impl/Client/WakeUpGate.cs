using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Client;

/// <summary>
/// The user PC's entry check for a wake-up, shared by every entry point (WUM, selector, multi-server WUM):
/// parse strictly (MalformedWakeUp), check the brand is known (UnknownBrand), refuse a second wake-up for
/// the same order (merchant, LID-M) (Replay). A refused wake-up is not remembered and nothing is sent.
/// </summary>
public sealed class WakeUpGate(TraceLog trace, string actor) : IWakeUpGate
{
    private readonly HashSet<(string, string)> accepted = [];
    private readonly Lock gate = new();

    /// <summary>Returns the wake-up, or the refusal (and then nothing may be sent).</summary>
    public (WakeUp? WakeUp, Refused? Refusal) Admit(byte[] bytes)
    {
        WakeUp w;
        try { w = WakeUp.Decode(bytes); }
        catch (SetException e) { return Refuse(Refused.Because(RefusalReason.MalformedWakeUp, null, e.Error.Cause + $" at {actor}")); }
        if (!Brands.IsKnown(w.Brand)) return Refuse(Refused.Because(RefusalReason.UnknownBrand, null, $"brand {w.Brand} is not a known brand at {actor}"));
        lock (gate)
        {
            if (!accepted.Add(w.OrderId)) return Refuse(Refused.Because(RefusalReason.Replay, null, $"wake-up for order {w.MerchantId}/{w.LidM} already accepted at {actor}"));
        }
        trace.Decide(actor, TraceDecisions.WakeUp, new Dictionary<string, string> { ["lid-m"] = w.LidM, ["brand"] = w.Brand, ["amount"] = $"{w.Amount} {w.Currency}" }, "admitted");
        return (w, null);
    }

    private (WakeUp?, Refused?) Refuse(Refused r)
    {
        trace.Decide(actor, TraceDecisions.RefuseWakeUp, new Dictionary<string, string> { ["reason"] = r.Reason.ToString() }, r.Cause);
        return (null, r);
    }
}
