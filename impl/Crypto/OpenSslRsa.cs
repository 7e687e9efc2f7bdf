using System.Runtime.InteropServices;
using Org.BouncyCastle.Crypto.Parameters;

namespace MultiWallet.Impl.Crypto;

/// <summary>The raw RSA public operation of OpenSSL 3's libcrypto (EVP_PKEY_encrypt with RSA_NO_PADDING), one parsed key per modulus.</summary>
internal static class OpenSslRsa
{
    private const string Lib = "libcrypto.so.3";
    private const int RsaNoPadding = 3;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IntPtr> Keys = new(StringComparer.Ordinal);

    /// <summary>Whether libcrypto loads on this platform.</summary>
    public static readonly bool Available = NativeLibrary.TryLoad(Lib, out _);

    /// <summary>The raw public operation, or null when OpenSSL refused it (the caller then computes it itself).</summary>
    public static byte[]? Encrypt(RsaKeyParameters key, byte[] em, int k)
    {
        var pkey = Keys.GetOrAdd(key.Modulus.ToString(16) + "/" + key.Exponent.ToString(16), _ => Load(key));
        if (pkey == IntPtr.Zero) return null;
        var ctx = EVP_PKEY_CTX_new(pkey, IntPtr.Zero);
        if (ctx == IntPtr.Zero) return null;
        try
        {
            if (EVP_PKEY_encrypt_init(ctx) != 1 || EVP_PKEY_CTX_set_rsa_padding(ctx, RsaNoPadding) != 1) return null;
            var output = new byte[k];
            var length = (nuint)k;
            return EVP_PKEY_encrypt(ctx, output, ref length, em, (nuint)em.Length) == 1 && length == (nuint)k ? output : null;
        }
        finally { EVP_PKEY_CTX_free(ctx); }
    }

    /// <summary>The key as an OpenSSL EVP_PKEY, kept for the process (one per distinct public key).</summary>
    private static IntPtr Load(RsaKeyParameters key)
    {
        var der = Org.BouncyCastle.X509.SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key).GetEncoded();
        var handle = GCHandle.Alloc(der, GCHandleType.Pinned);
        try
        {
            var p = handle.AddrOfPinnedObject();
            return d2i_PUBKEY(IntPtr.Zero, ref p, der.Length);
        }
        finally { handle.Free(); }
    }

    [DllImport(Lib)] private static extern IntPtr d2i_PUBKEY(IntPtr a, ref IntPtr pp, long length);
    [DllImport(Lib)] private static extern IntPtr EVP_PKEY_CTX_new(IntPtr pkey, IntPtr engine);
    [DllImport(Lib)] private static extern void EVP_PKEY_CTX_free(IntPtr ctx);
    [DllImport(Lib)] private static extern int EVP_PKEY_encrypt_init(IntPtr ctx);
    [DllImport(Lib)] private static extern int EVP_PKEY_CTX_set_rsa_padding(IntPtr ctx, int padding);
    [DllImport(Lib)] private static extern int EVP_PKEY_encrypt(IntPtr ctx, [Out] byte[] output, ref nuint outputLength, byte[] input, nuint inputLength);
}
