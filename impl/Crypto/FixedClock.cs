namespace MultiWallet.Impl.Crypto;

/// <summary>A clock that stays where it is put; tests move it to expire certificates.</summary>
public sealed class FixedClock(DateTime start) : IClock
{
    /// <summary>The instant all deterministic runs start at (certificates are issued relative to it).</summary>
    public static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private long ticks = start.Ticks;

    /// <summary>A clock at <see cref="Epoch"/>.</summary>
    public FixedClock() : this(Epoch) { }

    /// <inheritdoc/>
    public DateTime UtcNow => new(Interlocked.Read(ref ticks), DateTimeKind.Utc);

    /// <summary>Moves the clock to <paramref name="utc"/>.</summary>
    public void Set(DateTime utc) => Interlocked.Exchange(ref ticks, utc.Ticks);

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
