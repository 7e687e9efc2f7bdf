namespace MultiWallet.Impl.Crypto;

/// <summary>A clock that stays where it is put; tests move it to expire certificates.</summary>
public sealed class FixedClock(DateTime start) : IClock
{
    /// <summary>The instant all deterministic runs start at (certificates are issued relative to it).</summary>
    public static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private long ticks = start.Ticks;

    public FixedClock() : this(Epoch) { }

    public DateTime UtcNow => new(Interlocked.Read(ref ticks), DateTimeKind.Utc);

    public void Set(DateTime utc) => Interlocked.Exchange(ref ticks, utc.Ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
