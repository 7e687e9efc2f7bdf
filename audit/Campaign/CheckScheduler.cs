using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Campaign;

/// <summary>
/// Runs the checks of one phase side by side on up to <c>jobs</c> threads, each taking the next check in catalog order
/// as it frees up, then the <see cref="CheckAttribute.Exclusive"/> ones one at a time with nothing beside them.
/// Each check writes only its own slot, so what a phase returns never depends on how many jobs ran it.
/// </summary>
public static class CheckScheduler
{
    private const int StackBytes = 8 * 1024 * 1024;

    /// <summary>Calls <paramref name="run"/> once for every index of <paramref name="entries"/>, shared ones first.</summary>
    public static void Run(IReadOnlyList<CheckEntry> entries, int jobs, Action<int> run)
    {
        var shared = Enumerable.Range(0, entries.Count).Where(i => !entries[i].Meta.Exclusive).ToArray();
        var next = -1;
        void Worker()
        {
            for (var k = Interlocked.Increment(ref next); k < shared.Length; k = Interlocked.Increment(ref next)) run(shared[k]);
        }
        // Dedicated threads, not pool threads: a check blocks on its own parallel work, which the pool then serves. The
        // calling thread is one of the jobs; each other gets the main thread's stack (deep generators and shrinking).
        var threads = Enumerable.Range(0, Math.Max(0, Math.Min(Math.Max(1, jobs), shared.Length) - 1))
            .Select(_ => new Thread(Worker, StackBytes) { IsBackground = true, Name = "check job" }).ToList();
        foreach (var t in threads) t.Start();
        Worker();
        foreach (var t in threads) t.Join();
        foreach (var i in Enumerable.Range(0, entries.Count).Where(i => entries[i].Meta.Exclusive)) run(i);
    }
}
