namespace MultiWallet.Impl.Network;

/// <summary>
/// The one tampering primitive of bad-input and fault checks: flip the lowest bit of one byte. One bit is
/// the smallest change a receiver must still detect (a signature, a hash, an envelope, canonical form).
/// </summary>
public static class BitFlip
{
    /// <summary>A copy of <paramref name="bytes"/> with the lowest bit of the byte at <paramref name="offset"/> flipped (negative counts from the end).</summary>
    public static byte[] Flip(byte[] bytes, int offset)
    {
        var copy = (byte[])bytes.Clone();
        copy[offset >= 0 ? offset : copy.Length + offset] ^= 0x01;
        return copy;
    }
}
