namespace MultiWallet.Impl.Network;

/// <summary>
/// One reply that several callers may wait for (the first handling of a request and its identical repeats), each through a
/// task of its own. .NET resumes only the first await continuation of a task on the completing thread and queues every
/// other one to the thread pool; in a virtual-time world (<see cref="VirtualTime.Run{T}"/>) such a continuation runs on a
/// second thread, racing the driver, so what the case does would depend on the machine. Each waiter here has its own
/// task with its own single continuation, completed in the order the waiters joined, on the thread that sets the reply.
/// </summary>
/// <typeparam name="T">The reply.</typeparam>
public sealed class SharedReply<T>
{
    private readonly Lock gate = new();
    private List<TaskCompletionSource<T>>? waiting = [];
    private Task<T>? settled;

    /// <summary>Whether the reply is there (successfully).</summary>
    public bool IsCompletedSuccessfully { get { lock (gate) return settled is { IsCompletedSuccessfully: true }; } }

    /// <summary>A task of the caller's own that completes with the reply (at once when it is already there).</summary>
    public Task<T> Join()
    {
        lock (gate)
        {
            if (settled is not null) return settled;
            var mine = new TaskCompletionSource<T>();
            waiting!.Add(mine);
            return mine.Task;
        }
    }

    /// <summary>Gives every waiter the reply, in the order they joined.</summary>
    public void SetResult(T reply) => Settle(Task.FromResult(reply), w => w.SetResult(reply));

    /// <summary>Gives every waiter the failure, in the order they joined.</summary>
    public void SetException(Exception failure) => Settle(Task.FromException<T>(failure), w => w.SetException(failure));

    private void Settle(Task<T> outcome, Action<TaskCompletionSource<T>> complete)
    {
        List<TaskCompletionSource<T>> waiters;
        lock (gate)
        {
            if (settled is not null) throw new InvalidOperationException("the reply is already settled");
            settled = outcome;
            waiters = waiting!;
            waiting = null;
        }
        foreach (var w in waiters) complete(w);
    }
}
