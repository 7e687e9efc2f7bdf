using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace MultiWallet.Impl.Crypto;

/// <summary>
/// RSAES-OAEP encryption (RFC 8017 §7.1.1: SHA-256, MGF1-SHA-256, empty label) with the OAEP seed drawn from the
/// caller's seeded stream — exactly one draw of 32 bytes, as BouncyCastle's OaepEncoding draws it, so envelopes stay
/// byte-identical per seed. The platform exposes no RSA encryption with a caller-chosen OAEP seed, so the padding is
/// ours and only the raw public operation (m^e mod n) goes to the platform: OpenSSL's libcrypto (the library .NET's
/// own RSA uses on Linux) when it loads, else <see cref="BigInteger.ModPow(BigInteger, BigInteger, BigInteger)"/>.
/// </summary>
internal static class RsaOaepWrap
{
    private const int HashLength = 32;
    private static readonly byte[] EmptyLabelHash = SHA256.HashData([]);

    /// <summary>Encrypts <paramref name="message"/> to <paramref name="key"/>, drawing the OAEP seed from <paramref name="rng"/>.</summary>
    public static byte[] Encrypt(RsaKeyParameters key, ReadOnlySpan<byte> message, SecureRandom rng)
    {
        var k = (key.Modulus.BitLength + 7) / 8;
        if (message.Length > k - 2 * HashLength - 2) throw new ArgumentException("message too long for RSA-OAEP-SHA256 with this key", nameof(message));
        var seed = rng.Bytes(HashLength);
        // EM = 0x00 || maskedSeed || maskedDB, DB = lHash || PS (zeros) || 0x01 || M
        var em = new byte[k];
        var db = em.AsSpan(1 + HashLength);
        EmptyLabelHash.CopyTo(db);
        db[db.Length - message.Length - 1] = 0x01;
        message.CopyTo(db[(db.Length - message.Length)..]);
        Mgf1Xor(seed, db);
        seed.CopyTo(em, 1);
        Mgf1Xor(db, em.AsSpan(1, HashLength));
        return RawPublic(key, em, k);
    }

    /// <summary>XORs MGF1-SHA-256(<paramref name="seed"/>) into <paramref name="target"/>.</summary>
    private static void Mgf1Xor(ReadOnlySpan<byte> seed, Span<byte> target)
    {
        var input = new byte[seed.Length + 4];
        seed.CopyTo(input);
        Span<byte> block = stackalloc byte[HashLength];
        for (uint counter = 0, done = 0; done < target.Length; counter++, done += HashLength)
        {
            BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(seed.Length), counter);
            SHA256.HashData(input, block);
            var n = Math.Min(HashLength, target.Length - (int)done);
            for (var i = 0; i < n; i++) target[(int)done + i] ^= block[i];
        }
    }

    /// <summary>m^e mod n, left-padded to <paramref name="k"/> bytes.</summary>
    private static byte[] RawPublic(RsaKeyParameters key, byte[] em, int k)
    {
        if (OpenSslRsa.Available && OpenSslRsa.Encrypt(key, em, k) is { } fast) return fast;
        var c = BigInteger.ModPow(new BigInteger(em, isUnsigned: true, isBigEndian: true),
            new BigInteger(key.Exponent.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true),
            new BigInteger(key.Modulus.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true));
        var output = new byte[k];
        c.TryWriteBytes(output.AsSpan(k - c.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return output;
    }
}
