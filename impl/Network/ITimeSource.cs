namespace MultiWallet.Impl.Network;

/// <summary>
/// The time every wait of a world runs on. In memory it is a <see cref="VirtualTime"/>: waits are timers that fire
/// only when the driver (<see cref="Run{T}"/>) finds nothing else to do, so a timeout is a deterministic event of the
/// seed and a hang is "no runnable work left". Over HTTP it is the <see cref="WallClock"/>, whose limits are the only
/// ones that depend on how busy the machine is (a run they cut short is inconclusive, never a verdict).
/// </summary>
public interface ITimeSource
{
    /// <summary>The current time, UTC.</summary>
    DateTime UtcNow { get; }

    /// <summary>True for virtual time: its timeouts are part of the run, not of the machine it runs on.</summary>
    bool IsVirtual { get; }

    /// <summary>Completes after <paramref name="delay"/> of this time (cancelled with <paramref name="ct"/>).</summary>
    Task Delay(TimeSpan delay, CancellationToken ct = default);

    /// <summary>The result of <paramref name="work"/>, or a <see cref="TimeoutException"/> when it has none within <paramref name="limit"/> of this time.</summary>
    Task<T> WithinAsync<T>(Task<T> work, TimeSpan limit, CancellationToken ct = default);

    /// <summary>
    /// Runs <paramref name="work"/> to completion from synchronous code and returns its result. Virtual time drives it
    /// (throws <see cref="HangException"/> when it can make no progress); the wall clock waits at most its run limit
    /// (throws <see cref="WallClockLimitException"/>).
    /// </summary>
    T Run<T>(Func<CancellationToken, Task<T>> work);
}
