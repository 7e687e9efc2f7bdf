namespace MultiWallet.Impl.Crypto;

/// <summary>
/// Counts of the primitive operations this layer performs (signs, verifies, envelope seals and opens, certificate
/// parses, thumbprints), for a benchmark to price a run against its crypto floor. Each count is one interlocked
/// increment; nothing here reads them back into a decision. Counts go to the process-wide totals and to every
/// <see cref="CryptoMeter"/> open on the current logical flow (it follows tasks and parallel loops), so a benchmark counts
/// its own work even while other work runs in the same process.
/// </summary>
public static class CryptoCounters
{
    private static readonly CryptoMeter Process = new(null);
    private static readonly AsyncLocal<CryptoMeter?> Current = new();

    /// <summary>The process-wide counts so far (subtract two snapshots to count a stretch of work done alone).</summary>
    public static CryptoCounts Snapshot() => Process.Counts;

    /// <summary>Opens a meter counting the operations of the current logical flow (and the tasks it starts) until disposed.</summary>
    public static CryptoMeter Measure()
    {
        var meter = new CryptoMeter(Current.Value);
        Current.Value = meter;
        return meter;
    }

    internal static void Restore(CryptoMeter? outer) => Current.Value = outer;

    internal static void Sign() => Count(static m => m.Signs());
    internal static void Verify() => Count(static m => m.Verifies());
    internal static void Seal() => Count(static m => m.Seals());
    internal static void Open() => Count(static m => m.Opens());
    internal static void CertParse() => Count(static m => m.CertParses());
    internal static void Thumbprint() => Count(static m => m.Thumbprints());

    private static void Count(Action<CryptoMeter> add)
    {
        add(Process);
        for (var m = Current.Value; m is not null; m = m.Outer) add(m);
    }
}

/// <summary>A snapshot of <see cref="CryptoCounters"/>.</summary>
/// <param name="Signs">ECDSA signatures made.</param>
/// <param name="Verifies">ECDSA signatures verified.</param>
/// <param name="Seals">Digital envelopes sealed (one RSA-OAEP public operation each).</param>
/// <param name="Opens">Digital envelopes opened (one RSA-OAEP private operation each).</param>
/// <param name="CertParses">Certificates decoded from DER (cache misses of the parse cache).</param>
/// <param name="Thumbprints">Certificate thumbprints computed (cache misses of the thumbprint cache).</param>
public readonly record struct CryptoCounts(long Signs, long Verifies, long Seals, long Opens, long CertParses, long Thumbprints)
{
    /// <summary>The operations between an earlier snapshot and this one.</summary>
    public static CryptoCounts operator -(CryptoCounts a, CryptoCounts b) =>
        new(a.Signs - b.Signs, a.Verifies - b.Verifies, a.Seals - b.Seals, a.Opens - b.Opens, a.CertParses - b.CertParses, a.Thumbprints - b.Thumbprints);
}
