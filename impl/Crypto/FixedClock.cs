using MultiWallet.Impl.Network;

namespace MultiWallet.Impl.Crypto;

/// <summary>
/// The world's clock: a view of its <see cref="VirtualTime"/>, so certificate validity, message dates and any expiry
/// read the same instant the network's timeouts fire at. It stays where it is put unless a timer moves it; tests
/// move it to expire certificates.
/// </summary>
public sealed class FixedClock(VirtualTime time) : IClock
{
    /// <summary>The instant all deterministic runs start at (certificates are issued relative to it).</summary>
    public static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A clock over a virtual time of its own starting at <paramref name="start"/>.</summary>
    public FixedClock(DateTime start) : this(new VirtualTime(start)) { }

    /// <summary>A clock at <see cref="Epoch"/>.</summary>
    public FixedClock() : this(Epoch) { }

    /// <summary>The virtual time this clock reads (and the in-memory network waits on).</summary>
    public VirtualTime Time { get; } = time;

    /// <inheritdoc/>
    public DateTime UtcNow => Time.UtcNow;

    /// <summary>Moves the clock to <paramref name="utc"/>.</summary>
    public void Set(DateTime utc) => Time.Set(utc);

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => Time.Advance(by);
}
