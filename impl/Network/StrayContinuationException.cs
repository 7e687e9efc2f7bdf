namespace MultiWallet.Impl.Network;

/// <summary>
/// World code ran on a thread other than the one driving its <see cref="VirtualTime"/> (a continuation .NET queued to the
/// thread pool): the run raced the machine, so its result is not a function of the seed and is not reported.
/// </summary>
public sealed class StrayContinuationException(DateTime at)
    : Exception($"at virtual {at:HH:mm:ss.fff}: world code ran off the thread driving its virtual time (a continuation queued to the thread pool, e.g. a task awaited by two callers): the run would depend on the machine")
{
    /// <summary>The virtual time at which the driver noticed.</summary>
    public DateTime At { get; } = at;
}
