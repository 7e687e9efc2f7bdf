namespace MultiWallet.Impl.Crypto;

/// <summary>
/// Process-wide counts of the primitive operations this layer performs (signs, verifies, envelope seals and opens,
/// certificate parses, thumbprints), for a benchmark to price a run against its crypto floor. Each count is one
/// interlocked increment; nothing here reads them back into a decision.
/// </summary>
public static class CryptoCounters
{
    private static long signs, verifies, seals, opens, certParses, thumbprints;

    /// <summary>The counts so far (subtract two snapshots to count a stretch of work).</summary>
    public static CryptoCounts Snapshot() => new(Interlocked.Read(ref signs), Interlocked.Read(ref verifies), Interlocked.Read(ref seals),
        Interlocked.Read(ref opens), Interlocked.Read(ref certParses), Interlocked.Read(ref thumbprints));

    internal static void Sign() => Interlocked.Increment(ref signs);
    internal static void Verify() => Interlocked.Increment(ref verifies);
    internal static void Seal() => Interlocked.Increment(ref seals);
    internal static void Open() => Interlocked.Increment(ref opens);
    internal static void CertParse() => Interlocked.Increment(ref certParses);
    internal static void Thumbprint() => Interlocked.Increment(ref thumbprints);
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
