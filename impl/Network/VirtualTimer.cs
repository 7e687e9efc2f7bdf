namespace MultiWallet.Impl.Network;

/// <summary>One pending wait of a <see cref="VirtualTime"/>: due at a virtual instant, completed by the driver, or cancelled.</summary>
internal sealed class VirtualTimer(long due)
{
    // Continuations run inline when the driver fires the timer: that is what keeps a virtual run on one thread.
    private readonly TaskCompletionSource completion = new();

    /// <summary>The virtual instant (ticks) it is due at.</summary>
    public long Due { get; } = due;

    /// <summary>Completes when fired; cancelled with the token it was armed with.</summary>
    public Task Task => completion.Task;

    /// <summary>Cancels the wait when <paramref name="ct"/> is cancelled.</summary>
    public void CancelWith(CancellationToken ct) => ct.Register(() => completion.TrySetCanceled(ct));

    /// <summary>Fires the timer; false when it was already cancelled.</summary>
    public bool Fire() => completion.TrySetResult();
}
