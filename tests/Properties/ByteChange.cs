namespace MultiWallet.Tests.Properties;

/// <summary>XOR <see cref="Mask"/> into the byte at <see cref="Position"/> modulo the length.</summary>
public sealed record ByteChange(int Position, byte Mask)
{
    /// <summary>A copy of <paramref name="bytes"/> with the change applied.</summary>
    public byte[] ApplyTo(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        copy[Position % copy.Length] ^= Mask;
        return copy;
    }
}
