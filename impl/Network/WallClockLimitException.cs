namespace MultiWallet.Impl.Network;

/// <summary>
/// A run on the <see cref="WallClock"/> (HTTP) did not finish within its limit. That says how busy the machine was,
/// not what the system does: callers report it as inconclusive (environment), never as a failure.
/// </summary>
public sealed class WallClockLimitException(TimeSpan limit) : Exception($"no result within {limit.TotalSeconds:0} s of wall-clock time (environment: inconclusive)")
{
    /// <summary>The wall-clock limit that expired.</summary>
    public TimeSpan Limit { get; } = limit;
}
