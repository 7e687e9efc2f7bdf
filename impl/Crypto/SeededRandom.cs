using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Prng;
using Org.BouncyCastle.Security;

namespace MultiWallet.Impl.Crypto;

/// <summary>
/// Deterministic randomness: one <see cref="SecureRandom"/> per (run seed, party name), a SHA-256 DRBG
/// seeded with SHA-256(seed ‖ name). Each party drawing from its own stream keeps traces byte-identical
/// for a seed even if the interleaving of parties changed. Not for production: it is a test fixture.
/// </summary>
public static class SeededRandom
{
    /// <summary>The stream of <paramref name="party"/> for run seed <paramref name="seed"/>.</summary>
    public static SecureRandom For(int seed, string party)
    {
        var material = SHA256.HashData(Encoding.UTF8.GetBytes($"multiwallet/{seed}/{party}"));
        var gen = new DigestRandomGenerator(new Sha256Digest());
        gen.AddSeedMaterial(material);
        return new SecureRandom(gen);
    }

    /// <summary>The next <paramref name="n"/> bytes of the stream.</summary>
    public static byte[] Bytes(this SecureRandom rng, int n)
    {
        var b = new byte[n];
        rng.NextBytes(b);
        return b;
    }
}
