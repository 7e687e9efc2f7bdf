using System.Security.Cryptography;
using MultiWallet.Impl.Codec;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Encodings;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace MultiWallet.Impl.Crypto;

/// <summary>
/// SET's digital envelope as CMS AuthEnvelopedData (RFC 5083) with AES-256-GCM (RFC 5084: 12-byte nonce, 16-byte tag,
/// no authenticated attributes, content type id-data), the content key transported with RSA-OAEP (SHA-256, MGF1-SHA-256)
/// to the recipient's key-exchange certificate. Authenticated encryption: a changed bit anywhere in the ciphertext, the
/// nonce or the tag fails the tag check, so nothing of a tampered plaintext is ever parsed (no padding, no partial
/// plaintext to tell apart). All randomness (content key, nonce, OAEP seed) comes from the caller's seeded stream, so
/// envelopes are byte-identical per seed; openssl 3 `cms -decrypt` opens them (see the interop check).
/// Opening uses .NET (RSA-OAEP decrypt, AesGcm). Sealing pads OAEP itself from the seeded stream and hands only the
/// raw RSA public operation to the platform's OpenSSL (<see cref="RsaOaepWrap"/>): .NET offers no OAEP with a chosen
/// seed, and BouncyCastle's public operation cost ~12x OpenSSL's (<see cref="SealBc"/> is the former path). Costs measured by `bench` (PurchaseBenchmark, 2-core machine): see docs/DECISIONS.md, "Envelopes,
/// failures and bindings".
/// </summary>
public static class Envelope
{
    private const int KeySize = 32, NonceSize = 12, TagSize = 16;

    /// <summary>id-ct-authEnvelopedData (RFC 5083).</summary>
    private static readonly DerObjectIdentifier AuthEnvelopedDataOid = new("1.2.840.113549.1.9.16.1.23");

    private static readonly AlgorithmIdentifier Sha256 = new(NistObjectIdentifiers.IdSha256, DerNull.Instance);

    private static readonly AlgorithmIdentifier Oaep = new(PkcsObjectIdentifiers.IdRsaesOaep,
        new RsaesOaepParameters(Sha256, new AlgorithmIdentifier(PkcsObjectIdentifiers.IdMgf1, Sha256), RsaesOaepParameters.DefaultPSourceAlgorithm));

    /// <summary>Seals <paramref name="content"/> for <paramref name="recipient"/>'s key-exchange certificate, drawing all randomness from <paramref name="rng"/>.</summary>
    public static byte[] Seal(ReadOnlySpan<byte> content, X509Certificate recipient, SecureRandom rng)
    {
        CryptoCounters.Seal();
        var key = rng.Bytes(KeySize);
        var nonce = rng.Bytes(NonceSize);
        var wrapped = RsaOaepWrap.Encrypt((RsaKeyParameters)recipient.GetPublicKey(), key, rng);
        return Encode(content, recipient, key, nonce, wrapped);
    }

    /// <summary>The same sealing with BouncyCastle's OAEP and RSA, kept to show <see cref="Seal"/> byte-identical per seed and for the measurement that chose it.</summary>
    public static byte[] SealBc(ReadOnlySpan<byte> content, X509Certificate recipient, SecureRandom rng)
    {
        var key = rng.Bytes(KeySize);
        var nonce = rng.Bytes(NonceSize);
        var oaep = new OaepEncoding(new RsaEngine(), new Sha256Digest(), new Sha256Digest(), null);
        oaep.Init(true, new ParametersWithRandom((RsaKeyParameters)recipient.GetPublicKey(), rng));
        var wrapped = oaep.ProcessBlock(key, 0, key.Length);
        return Encode(content, recipient, key, nonce, wrapped);
    }

    private static byte[] Encode(ReadOnlySpan<byte> content, X509Certificate recipient, byte[] key, byte[] nonce, byte[] wrapped)
    {
        var cipher = new byte[content.Length];
        var tag = new byte[TagSize];
        using (var gcm = new AesGcm(key, TagSize)) gcm.Encrypt(nonce, content, cipher, tag);

        var rid = new RecipientIdentifier(new Org.BouncyCastle.Asn1.Cms.IssuerAndSerialNumber(recipient.IssuerDN, recipient.SerialNumber));
        var recipientInfo = new RecipientInfo(new KeyTransRecipientInfo(rid, Oaep, new DerOctetString(wrapped)));
        var gcmParams = new DerSequence(new DerOctetString(nonce), DerInteger.ValueOf(TagSize));
        var eci = new EncryptedContentInfo(CmsObjectIdentifiers.Data, new AlgorithmIdentifier(NistObjectIdentifiers.IdAes256Gcm, gcmParams), new DerOctetString(cipher));
        var authEnveloped = new DerSequence(DerInteger.ValueOf(0), new DerSet(recipientInfo), eci, new DerOctetString(tag));
        return new Org.BouncyCastle.Asn1.Cms.ContentInfo(AuthEnvelopedDataOid, authEnveloped).GetEncoded(Asn1Encodable.Der);
    }

    /// <summary>Opens an envelope addressed to <paramref name="me"/>; any defect is a typed Decryption/Malformed error naming it.</summary>
    public static byte[] Open(byte[] cms, KeyExchangeIdentity me, string where) => Open(cms, [me], where);

    /// <summary>
    /// Opens with whichever of <paramref name="mine"/> the recipient id names (a party may hold one key-exchange cert per
    /// brand). The structure is read strictly (exactly version, one recipient, content info, tag: no originator, no
    /// attributes); the cause of a failure is for the opener's own log, never for the sender (docs/DECISIONS.md).
    /// </summary>
    public static byte[] Open(byte[] cms, IEnumerable<KeyExchangeIdentity> mine, string where) => Guarded(where, () =>
    {
        CryptoCounters.Open();
        var e = Read(cms, mine, where);
        var key = e.Me.DotNet.Decrypt(e.WrappedKey, RSAEncryptionPadding.OaepSHA256);
        if (key.Length != KeySize) throw new SetException(SetErrorCode.Decryption, $"envelope content key is not 256 bits at {where}");
        var plain = new byte[e.Cipher.Length];
        using (var aes = new AesGcm(key, TagSize)) aes.Decrypt(e.Nonce, e.Cipher, e.Tag, plain);
        return plain;
    });

    /// <summary>The parts of a well-formed envelope addressed to one of our keys.</summary>
    private sealed record Sealed(KeyExchangeIdentity Me, byte[] WrappedKey, byte[] Nonce, byte[] Cipher, byte[] Tag);

    private static Sealed Read(byte[] cms, IEnumerable<KeyExchangeIdentity> mine, string where)
    {
        var ci = Org.BouncyCastle.Asn1.Cms.ContentInfo.GetInstance(Asn1Object.FromByteArray(cms));
        if (!ci.ContentType.Equals(AuthEnvelopedDataOid)) throw new SetException(SetErrorCode.Malformed, $"envelope is not AuthEnvelopedData at {where}");
        var env = Asn1Sequence.GetInstance(ci.Content);
        if (env.Count != 4 || DerInteger.GetInstance(env[0]).IntValueExact != 0)
            throw new SetException(SetErrorCode.Malformed, $"envelope must be version 0 without originator or attributes at {where}");
        var recipients = Asn1Set.GetInstance(env[1]);
        if (recipients.Count != 1) throw new SetException(SetErrorCode.Malformed, $"envelope must have one recipient at {where}");
        var kt = KeyTransRecipientInfo.GetInstance(RecipientInfo.GetInstance(recipients[0]).Info);
        var ias = Org.BouncyCastle.Asn1.Cms.IssuerAndSerialNumber.GetInstance(kt.RecipientIdentifier.ID);
        var me = mine.FirstOrDefault(k => ias.Issuer.Equivalent(k.Chain.Leaf.IssuerDN) && ias.SerialNumber.Value.Equals(k.Chain.Leaf.SerialNumber))
            ?? throw new SetException(SetErrorCode.Decryption, $"envelope is not addressed to this party's key at {where}");
        if (!kt.KeyEncryptionAlgorithm.Equals(Oaep))
            throw new SetException(SetErrorCode.Decryption, $"envelope key transport is not RSA-OAEP-SHA256 at {where}");
        var eci = EncryptedContentInfo.GetInstance(env[2]);
        if (!eci.ContentType.Equals(CmsObjectIdentifiers.Data) || !eci.ContentEncryptionAlgorithm.Algorithm.Equals(NistObjectIdentifiers.IdAes256Gcm))
            throw new SetException(SetErrorCode.Decryption, $"envelope content is not id-data under AES-256-GCM at {where}");
        var gcm = Asn1Sequence.GetInstance(eci.ContentEncryptionAlgorithm.Parameters);
        var nonce = Asn1OctetString.GetInstance(gcm[0]).GetOctets();
        if (gcm.Count != 2 || nonce.Length != NonceSize || DerInteger.GetInstance(gcm[1]).IntValueExact != TagSize)
            throw new SetException(SetErrorCode.Decryption, $"envelope GCM parameters are not a 12-byte nonce and a 16-byte tag at {where}");
        var tag = Asn1OctetString.GetInstance(env[3]).GetOctets();
        if (tag.Length != TagSize || eci.EncryptedContent is null)
            throw new SetException(SetErrorCode.Malformed, $"envelope tag or content missing at {where}");
        return new Sealed(me, kt.EncryptedKey.GetOctets(), nonce, eci.EncryptedContent.GetOctets(), tag);
    }

    /// <summary>Runs an opening; every failure becomes a typed error naming it (for the opener's own log).</summary>
    private static byte[] Guarded(string where, Func<byte[]> open)
    {
        try { return open(); }
        catch (SetException) { throw; }
        catch (Exception e) when (e is CryptographicException or InvalidCipherTextException or DataLengthException)
        {
            throw new SetException(SetErrorCode.Decryption, $"envelope does not decrypt or authenticate at {where}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or NullReferenceException or InvalidOperationException or ArithmeticException or IndexOutOfRangeException)
        {
            throw new SetException(SetErrorCode.Malformed, $"envelope does not parse at {where}");
        }
    }

    /// <summary>The same opening with BouncyCastle's RSA-OAEP and GCM (BouncyCastle keeps its CMS AuthEnvelopedData reader internal), kept for the measurement that chose <see cref="Open(byte[], KeyExchangeIdentity, string)"/>.</summary>
    public static byte[] OpenBc(byte[] cms, KeyExchangeIdentity me) => Guarded("bench", () =>
    {
        var e = Read(cms, [me], "bench");
        var oaep = new OaepEncoding(new RsaEngine(), new Sha256Digest(), new Sha256Digest(), null);
        oaep.Init(false, me.Key);
        var key = oaep.ProcessBlock(e.WrappedKey, 0, e.WrappedKey.Length);
        var gcm = new GcmBlockCipher(new AesEngine());
        gcm.Init(false, new AeadParameters(new KeyParameter(key), TagSize * 8, e.Nonce));
        var plain = new byte[gcm.GetOutputSize(e.Cipher.Length + TagSize)];
        var n = gcm.ProcessBytes(e.Cipher, 0, e.Cipher.Length, plain, 0);
        n += gcm.ProcessBytes(e.Tag, 0, e.Tag.Length, plain, n);
        gcm.DoFinal(plain, n);
        return plain;
    });
}
