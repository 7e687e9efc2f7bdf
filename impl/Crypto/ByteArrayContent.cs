namespace MultiWallet.Impl.Crypto;

/// <summary>Equality of byte arrays by content, for caches keyed by encodings.</summary>
public sealed class ByteArrayContent : IEqualityComparer<byte[]>
{
    /// <summary>The one instance.</summary>
    public static ByteArrayContent Comparer { get; } = new();

    private ByteArrayContent() { }

    /// <inheritdoc/>
    public bool Equals(byte[]? x, byte[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    /// <inheritdoc/>
    public int GetHashCode(byte[] obj)
    {
        var h = new HashCode();
        h.AddBytes(obj);
        return h.ToHashCode();
    }
}
