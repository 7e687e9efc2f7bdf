namespace MultiWallet.Impl.Network;

/// <summary>
/// A task driven on <see cref="VirtualTime"/> can make no progress: nothing is runnable and no timer is pending (a
/// hang: it waits for something nobody will do), or its timer budget is spent (it never stops re-arming timers).
/// Deterministic: the same seed hangs at the same virtual instant.
/// </summary>
public sealed class HangException(DateTime at, string reason) : Exception($"hang at virtual {at:HH:mm:ss.fff}: {reason}")
{
    /// <summary>The virtual time at which the driver gave up.</summary>
    public DateTime At { get; } = at;

    /// <summary>Why no progress is possible.</summary>
    public string Reason { get; } = reason;
}
