using System.Collections.Concurrent;
using Org.BouncyCastle.X509;

namespace MultiWallet.Impl.Crypto;

/// <summary>
/// Certificates decoded from DER, cached by their bytes: every received chain of a run repeats the same few
/// certificates, so each distinct encoding is parsed once per process. A decoded certificate is immutable for our use
/// (its bytes, names, key and extensions), so one object serves every party. The cache stops growing at
/// <see cref="Capacity"/> distinct encodings (tampered certificates are each new), after which a miss parses afresh.
/// </summary>
public static class ParsedCertificates
{
    /// <summary>Most distinct encodings kept.</summary>
    public const int Capacity = 4096;

    private static readonly ConcurrentDictionary<byte[], X509Certificate> Cache = new(ByteArrayContent.Comparer);

    /// <summary>The certificate <paramref name="der"/> encodes (throws on bad DER, like the parser).</summary>
    public static X509Certificate Of(byte[] der)
    {
        if (Cache.TryGetValue(der, out var cert)) return cert;
        CryptoCounters.CertParse();
        cert = new X509Certificate(der);
        // Keyed by a private copy: the caller may reuse its buffer.
        if (Cache.Count < Capacity) Cache.TryAdd((byte[])der.Clone(), cert);
        return cert;
    }
}
