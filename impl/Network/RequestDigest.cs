using System.Security.Cryptography;
using System.Text;

namespace MultiWallet.Impl.Network;

/// <summary>
/// The digest of a request as its sender built it (kind, fields in ordinal order, body): two requests with the same
/// digest are the same request repeated byte for byte (a duplicate on the network, or a sender's retry after a lost
/// answer). The addresses are not part of it: a repeat is recognised by what it says, not by the route it took.
/// </summary>
public static class RequestDigest
{
    /// <summary>SHA-256 over the kind, every field and the body, lower-case hex.</summary>
    public static string Of(NetMessage m)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Part(ReadOnlySpan<byte> b)
        {
            Span<byte> len = stackalloc byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(len, b.Length);
            h.AppendData(len);
            h.AppendData(b);
        }
        Part(Encoding.UTF8.GetBytes(m.Kind));
        foreach (var (k, v) in m.Fields.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Part(Encoding.UTF8.GetBytes(k));
            Part(Encoding.UTF8.GetBytes(v));
        }
        Part(m.Body);
        return Convert.ToHexStringLower(h.GetHashAndReset());
    }
}
