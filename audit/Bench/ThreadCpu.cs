using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MultiWallet.Audit.Bench;

/// <summary>
/// CPU time of the calling thread (Linux: clock_gettime(CLOCK_THREAD_CPUTIME_ID)), so a measurement of a single-threaded
/// operation is not charged for time the machine gave to other work; elsewhere the process's CPU time.
/// </summary>
public static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private static readonly bool Native = OperatingSystem.IsLinux() && Probe();

    private static bool Probe()
    {
        try { return ClockGetTime(ClockThreadCpuTimeId, out _) == 0; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }

    /// <summary>Whether the figure is the thread's own (else the process's, all threads).</summary>
    public static bool PerThread => Native;

    /// <summary>CPU time consumed so far, in milliseconds.</summary>
    public static double NowMs()
    {
        if (Native && ClockGetTime(ClockThreadCpuTimeId, out var t) == 0) return t.Seconds * 1e3 + t.Nanoseconds / 1e6;
        return Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
    }

    /// <summary>CPU milliseconds per call of <paramref name="op"/> over <paramref name="times"/> calls.</summary>
    public static double PerCall(int times, Action op)
    {
        var start = NowMs();
        for (var i = 0; i < times; i++) op();
        return (NowMs() - start) / times;
    }
}
