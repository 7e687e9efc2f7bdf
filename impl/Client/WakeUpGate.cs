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
/// An accepted order is remembered for <see cref="OrderValidity"/> on the PC's clock (swept at the next
/// admission): bounded by time, never by a count, because this memory is what makes INV-ONCE hold.
/// </summary>
/// <param name="trace">Where admissions and refusals are recorded.</param>
/// <param name="actor">The entry point's name.</param>
/// <param name="clock">The PC's clock (default: a clock that never moves, so nothing is forgotten).</param>
public sealed class WakeUpGate(TraceLog trace, string actor, IClock? clock = null) : IWakeUpGate
{
    private readonly HashSet<(string, string)> accepted = [];
    private readonly Queue<((string, string) Order, DateTime Until)> expiry = new();
    private readonly IClock clock = clock ?? new FixedClock();
    private readonly Lock gate = new();

    /// <summary>How long an accepted order is remembered: the validity of an order (the wake-up carries no date of its own).</summary>
    public static readonly TimeSpan OrderValidity = TimeSpan.FromHours(24);

    /// <summary>Accepted orders remembered now (expired ones not yet swept included): the gate's whole state.</summary>
    public int StateSize { get { lock (gate) return accepted.Count + expiry.Count; } }

    /// <summary>Forgets expired accepted orders now: the sweep an admission would run, for the PC's housekeeping timer.</summary>
    public void SweepExpired()
    {
        lock (gate)
        {
            var now = clock.UtcNow;
            while (expiry.TryPeek(out var oldest) && oldest.Until <= now) accepted.Remove(expiry.Dequeue().Order);
        }
    }

    /// <summary>Returns the wake-up, or the refusal (and then nothing may be sent).</summary>
    public (WakeUp? WakeUp, Refused? Refusal) Admit(byte[] bytes)
    {
        WakeUp w;
        try { w = WakeUp.Decode(bytes); }
        catch (SetException e) { return Refuse(Refused.Because(RefusalReason.MalformedWakeUp, null, e.Error.Cause + $" at {actor}")); }
        if (!Brands.IsKnown(w.Brand)) return Refuse(Refused.Because(RefusalReason.UnknownBrand, null, $"brand {w.Brand} is not a known brand at {actor}"));
        lock (gate)
        {
            // One lifetime for all, so admission order is expiry order: the sweep stops at the first live entry.
            var now = clock.UtcNow;
            while (expiry.TryPeek(out var oldest) && oldest.Until <= now) accepted.Remove(expiry.Dequeue().Order);
            if (accepted.Add(w.OrderId)) expiry.Enqueue((w.OrderId, now + OrderValidity));
            else return Refuse(Refused.Because(RefusalReason.Replay, null, $"wake-up for order {w.MerchantId}/{w.LidM} already accepted at {actor}"));
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
