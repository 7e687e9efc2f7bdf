using Org.BouncyCastle.X509;

namespace MultiWallet.Impl.Crypto;

/// <summary>Certificates from the end entity up to (excluding) the root; what is sent on the wire.</summary>
public sealed record CertChain(IReadOnlyList<X509Certificate> Certs)
{
    /// <summary>The end-entity certificate.</summary>
    public X509Certificate Leaf => Certs[0];
    /// <summary>The chain as DER, as it travels in messages.</summary>
    public IReadOnlyList<byte[]> Der => Certs.Select(c => c.GetEncoded()).ToList();
    /// <summary>Decodes DER certificates (throws on bad DER; see <see cref="Parse"/> for received chains); equal bytes decode once (<see cref="ParsedCertificates"/>).</summary>
    public static CertChain FromDer(IEnumerable<byte[]> der) => new(der.Select(ParsedCertificates.Of).ToList());

    /// <summary>Parses a received chain; undecodable DER is a typed Malformed error naming the party.</summary>
    public static CertChain Parse(IEnumerable<byte[]> der, string what, string party)
    {
        try { return FromDer(der); }
        catch (Exception e) when (e is not MultiWallet.Impl.Codec.SetException)
        {
            throw new MultiWallet.Impl.Codec.SetException(MultiWallet.Impl.Codec.SetErrorCode.Malformed, $"{what} certificate does not parse at {party}");
        }
    }
    /// <summary>The SET thumbprint of the leaf.</summary>
    public string LeafThumbprint => Thumbprints.Of(Leaf);
}
