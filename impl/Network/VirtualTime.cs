namespace MultiWallet.Impl.Network;

/// <summary>
/// Deterministic time for an in-memory world. Nothing here runs on a thread or a real timer: a wait is a pending
/// timer, and time moves only when the driver (<see cref="Run{T}"/>) finds the driven task blocked with no runnable
/// work, then jumps to the earliest pending timer and fires it (its continuations run inline). A task that is blocked
/// with no pending timer can never finish: that is a hang, detected at once and at the same virtual instant for the
/// same seed. Certificates and expiry read the same instant (<see cref="UtcNow"/>), through the world's clock.
/// One world owns one instance; nothing is shared between worlds, so worlds run in parallel.
/// </summary>
public sealed class VirtualTime(DateTime start) : ITimeSource
{
    /// <summary>How many timers one <see cref="Run{T}"/> may fire before it is called a hang (it never stops re-arming timers).</summary>
    public const int TimerBudget = 10_000;

    private readonly Lock gate = new();
    private readonly PriorityQueue<VirtualTimer, (long Due, long Order)> timers = new();
    private long ticks = start.Ticks;
    private long order;
    // The thread of the Run in progress (0: none) and how many times world code ran on another one meanwhile.
    private int driver;
    private int strays;

    /// <inheritdoc/>
    public DateTime UtcNow { get { OnDriver(); lock (gate) return new DateTime(ticks, DateTimeKind.Utc); } }

    /// <inheritdoc/>
    public bool IsVirtual => true;

    /// <summary>Timers armed and not yet fired or cancelled.</summary>
    public int PendingTimers { get { lock (gate) return timers.UnorderedItems.Count(t => !t.Element.Task.IsCompleted); } }

    /// <summary>Moves the time to <paramref name="utc"/> (tests expire certificates with it); timers now due fire at the next drive.</summary>
    public void Set(DateTime utc) { lock (gate) ticks = utc.Ticks; }

    /// <summary>Moves the time forward; timers now due fire at the next drive.</summary>
    public void Advance(TimeSpan by) { lock (gate) ticks += by.Ticks; }

    /// <inheritdoc/>
    public Task Delay(TimeSpan delay, CancellationToken ct = default)
    {
        if (ct.IsCancellationRequested) return Task.FromCanceled(ct);
        OnDriver();
        if (delay <= TimeSpan.Zero) return Task.CompletedTask;
        VirtualTimer timer;
        lock (gate)
        {
            timer = new VirtualTimer(ticks + delay.Ticks);
            timers.Enqueue(timer, (timer.Due, order++));
        }
        if (ct.CanBeCanceled) timer.CancelWith(ct);
        return timer.Task;
    }

    /// <inheritdoc/>
    public async Task<T> WithinAsync<T>(Task<T> work, TimeSpan limit, CancellationToken ct = default)
    {
        if (work.IsCompleted) return await work.ConfigureAwait(false);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var timeout = Delay(limit, cts.Token);
        var first = await Task.WhenAny(work, timeout).ConfigureAwait(false);
        if (first == work)
        {
            // Disarms the timer synchronously, on this thread (a virtual run has no other): it is no longer pending work.
            cts.Cancel();
            return await work.ConfigureAwait(false);
        }
        ct.ThrowIfCancellationRequested();
        throw new TimeoutException($"no result within {limit.TotalMilliseconds} ms of virtual time");
    }

    /// <inheritdoc/>
    public T Run<T>(Func<CancellationToken, Task<T>> work)
    {
        var previous = SynchronizationContext.Current;
        // No context: every continuation then runs inline on the thread that completes its task, which in a virtual
        // run is always this one (a timer fired below). Any non-default context would make .NET queue them elsewhere.
        SynchronizationContext.SetSynchronizationContext(null);
        var outer = Interlocked.Exchange(ref driver, Environment.CurrentManagedThreadId);
        try
        {
            var task = work(CancellationToken.None);
            var fired = 0;
            while (true)
            {
                if (Volatile.Read(ref strays) > 0) throw new StrayContinuationException(UtcNow);
                if (task.IsCompleted) return task.GetAwaiter().GetResult();
                if (fired == TimerBudget)
                    throw new HangException(UtcNow, $"still waiting after {TimerBudget} timers fired (it never stops re-arming timers)");
                if (!FireNext())
                    throw new HangException(UtcNow, "no runnable work left and no pending timer (it waits for something nobody will do)");
                fired++;
            }
        }
        finally
        {
            Volatile.Write(ref driver, outer);
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    /// <summary>
    /// Notes world code running off the thread of the <see cref="Run{T}"/> in progress: a continuation .NET queued to the
    /// thread pool (a task awaited by two callers resumes the second there; see <see cref="SharedReply{T}"/>). Such code races
    /// the driver, so the run could depend on the machine; <see cref="Run{T}"/> then fails rather than report it.
    /// </summary>
    internal void OnDriver()
    {
        var d = Volatile.Read(ref driver);
        if (d != 0 && d != Environment.CurrentManagedThreadId) Interlocked.Increment(ref strays);
    }

    /// <summary>Jumps to the earliest pending timer and fires it; false when none is pending.</summary>
    private bool FireNext()
    {
        VirtualTimer? next = null;
        lock (gate)
        {
            while (timers.TryDequeue(out var t, out _))
            {
                if (t.Task.IsCompleted) continue; // cancelled
                next = t;
                if (t.Due > ticks) ticks = t.Due;
                break;
            }
        }
        return next?.Fire() ?? false;
    }
}
