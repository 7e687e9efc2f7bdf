namespace MultiWallet.Audit.Bench;

/// <summary>What the soak run measured: counts (junk refused (a 4xx, or a typed refusal in the protocol), cut off by the receiver mid-upload, or anything else: a 2xx or 5xx would be a bug), memory before and after (each after a full GC), throughput, and what the world kept.</summary>
public sealed record SoakResult(
    int Purchases, int Paid, int Junk, int JunkRefused4xx, int JunkConnectionClosed, int JunkOther, bool StoppedByTimeBudget, double Seconds,
    long ManagedBefore, long ManagedAfter, long ProcessBefore, long ProcessAfter,
    int MerchantReceived, int MerchantOrders, int TraceEvents)
{
    /// <summary>Trace events still kept at the end (the newest, up to the trace's capacity); <c>TraceEvents</c> counts every event recorded.</summary>
    public int TraceKept { get; init; }

    /// <summary>Purchases paid per second of the whole interleaved run (junk included in the time).</summary>
    public double PurchasesPerSecond => Seconds > 0 ? Paid / Seconds : 0;
}
