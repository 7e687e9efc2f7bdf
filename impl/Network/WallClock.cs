namespace MultiWallet.Impl.Network;

/// <summary>
/// Real time, for the HTTP transport only: loopback sockets and Kestrel run on the machine's clock. <see cref="Run{T}"/>
/// waits at most <see cref="RunLimit"/>, a generous bound whose expiry is reported as inconclusive (environment).
/// </summary>
public sealed class WallClock(TimeSpan runLimit) : ITimeSource
{
    /// <summary>The longest one driven run (a wake-up) may take before it is called inconclusive.</summary>
    public static readonly TimeSpan DefaultRunLimit = TimeSpan.FromSeconds(60);

    /// <summary>A wall clock with <see cref="DefaultRunLimit"/>.</summary>
    public static WallClock Default { get; } = new(DefaultRunLimit);

    /// <summary>The longest one <see cref="Run{T}"/> may take.</summary>
    public TimeSpan RunLimit { get; } = runLimit;

    /// <inheritdoc/>
    public DateTime UtcNow => DateTime.UtcNow;

    /// <inheritdoc/>
    public bool IsVirtual => false;

    /// <inheritdoc/>
    public Task Delay(TimeSpan delay, CancellationToken ct = default) => Task.Delay(delay, ct);

    /// <inheritdoc/>
    public Task<T> WithinAsync<T>(Task<T> work, TimeSpan limit, CancellationToken ct = default) => work.WaitAsync(limit, ct);

    /// <inheritdoc/>
    public T Run<T>(Func<CancellationToken, Task<T>> work)
    {
        using var cts = new CancellationTokenSource();
        // Off the caller's synchronization context, so a context that is itself blocked here cannot deadlock the run.
        var task = Task.Run(() => work(cts.Token));
        if (Task.WaitAny([task], RunLimit) < 0)
        {
            cts.Cancel();
            throw new WallClockLimitException(RunLimit);
        }
        return task.GetAwaiter().GetResult();
    }
}
