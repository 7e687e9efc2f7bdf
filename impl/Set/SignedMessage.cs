using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;

namespace MultiWallet.Impl.Set;

/// <summary>
/// A message signed by its sender: the canonical content bytes, an ECDSA P-256/SHA-256 signature over
/// them, and the signer's certificate chain (leaf up to, excluding, the root). "msg" is "Signed/&lt;inner&gt;"
/// so a signed PInitRes cannot be replayed as a signed PRes.
/// </summary>
public sealed record SignedMessage(string Inner, byte[] Content, byte[] Signature, IReadOnlyList<byte[]> Chain)
{
    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter("Signed/" + Inner).Bytes("content", Content).Bytes("sig", Signature).BytesList("chain", Chain).ToBytes();

    /// <summary>Parses a signed <paramref name="inner"/> message strictly (signature not yet checked: see <see cref="Verify"/>).</summary>
    public static SignedMessage Decode(byte[] b, string inner) => CanonReader.Decode(b, "Signed/" + inner,
        r => new SignedMessage(inner, r.Bytes("content"), r.Bytes("sig"), r.BytesList("chain")), m => m.Encode());

    /// <summary>Signs <paramref name="content"/> as a <paramref name="inner"/> message by <paramref name="by"/>.</summary>
    public static SignedMessage Sign(string inner, byte[] content, SigningIdentity by) =>
        new(inner, content, EcSignature.Sign(by.Key, content), by.Chain.Der);

    /// <summary>Validates the chain (role, brand) and the signature; returns the validated signer.</summary>
    public ValidatedCert Verify(ChainValidator v, CertRole role, string? brand, string what)
    {
        var chain = CertChain.Parse(Chain, what, v.Party);
        var signer = v.Validate(chain, role, brand, what);
        if (!signer.VerifySignature(Content, Signature))
            throw new SetException(SetErrorCode.BadSignature, $"{Inner} signature invalid at {v.Party}");
        return signer;
    }
}
