using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;

namespace MultiWallet.Checks.Tampering;

/// <summary>
/// A received chain whose certificate names a public-key algorithm nobody knows: the one bit the attacker campaign flipped
/// in a PInitRes at `--cases 10000` (E2, 1,270th attacked case), which turned ecPublicKey (1.2.840.10045.2.1) into
/// 1.2.840.10049.2.1 inside the merchant's CA certificate. BouncyCastle then throws an exception of its own while reading
/// the issuer's key; the validator must refuse the chain with a typed error, as it refuses a wrong signature.
/// </summary>
internal static class CertificateKeyChecks
{
    private static readonly byte[] EcPublicKey = [0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01];

    [Check("SET-BAD-CERT-KEY-ALGORITHM", Title = "a chain whose CA certificate names an unknown public-key algorithm (ecPublicKey changed by one bit) is refused with a typed BadSignature, not an exception",
        Requirements = ["INV-BAD-INPUT", "INV-UNIFORM-FAILURE"], Kind = CheckKind.Example)]
    public static CheckOutcome UnknownKeyAlgorithm(CheckContext ctx)
    {
        var pki = CryptoWorld.For(ctx.Seed);
        var chain = pki.Merchant("BrandA").Signing.Chain;
        var ca = chain.Certs[1].GetEncoded();
        var at = ca.AsSpan().IndexOf(EcPublicKey);
        if (at < 0) return CheckOutcome.Fail("the merchant's CA certificate carries no ecPublicKey identifier");
        var changed = (byte[])ca.Clone();
        changed[at + 6] = 0x41; // 10045 → 10049 in the OID's base-128 arc
        var tampered = new CertChain([chain.Certs[0], new Org.BouncyCastle.X509.X509Certificate(changed), .. chain.Certs.Skip(2)]);
        var validator = new ChainValidator(pki.Root, new FixedClock(FixedClock.Epoch), "check", shareProofs: false);
        if (validator.Validate(chain, CertRole.MerchantSignature, "BrandA", "merchant signature") is null)
            return CheckOutcome.Fail("the honest chain did not validate");
        try
        {
            validator.Validate(tampered, CertRole.MerchantSignature, "BrandA", "merchant signature");
            return CheckOutcome.Fail("a chain whose CA key names an unknown algorithm was accepted");
        }
        catch (SetException e) when (e.Error.Code == SetErrorCode.BadSignature)
        {
            return CheckOutcome.Pass($"refused: {e.Error.Code} ({e.Error.Cause})");
        }
        catch (Exception e)
        {
            return CheckOutcome.Fail($"refused with {e.GetType().Name} instead of a typed error: {e.Message}");
        }
    }
}
