namespace MultiWallet.Impl.Crypto;

/// <summary>
/// The primitive operations counted while it is open on a logical flow (<see cref="CryptoCounters.Measure"/>): the work of
/// that flow and of the tasks it starts, not of unrelated work running in the same process at the same time.
/// </summary>
public sealed class CryptoMeter : IDisposable
{
    private long signs, verifies, seals, opens, certParses, thumbprints;

    internal CryptoMeter(CryptoMeter? outer) => Outer = outer;

    /// <summary>The meter open when this one was opened; it counts everything this one counts.</summary>
    internal CryptoMeter? Outer { get; }

    /// <summary>The counts so far.</summary>
    public CryptoCounts Counts => new(Interlocked.Read(ref signs), Interlocked.Read(ref verifies), Interlocked.Read(ref seals),
        Interlocked.Read(ref opens), Interlocked.Read(ref certParses), Interlocked.Read(ref thumbprints));

    internal void Signs() => Interlocked.Increment(ref signs);
    internal void Verifies() => Interlocked.Increment(ref verifies);
    internal void Seals() => Interlocked.Increment(ref seals);
    internal void Opens() => Interlocked.Increment(ref opens);
    internal void CertParses() => Interlocked.Increment(ref certParses);
    internal void Thumbprints() => Interlocked.Increment(ref thumbprints);

    /// <summary>Stops counting: the flow's previous meter (if any) is current again.</summary>
    public void Dispose() => CryptoCounters.Restore(Outer);
}
