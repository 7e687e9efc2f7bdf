using System.Diagnostics;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.World;
using SharedCampaign = MultiWallet.Checks.Invariants.Campaign;

namespace MultiWallet.Audit.Bench;

/// <summary>Executes the shared campaign afresh (never the cached one) and measures it: CPU time, wall time, counted primitives.</summary>
public static class CampaignBenchmark
{
    /// <summary>One fresh campaign of <paramref name="perEmbodiment"/> scenarios per embodiment, in memory, on every core.</summary>
    public static CampaignSample Measure(int seed, int perEmbodiment)
    {
        using var meter = CryptoCounters.Measure();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var r = SharedCampaign.Run(seed, perEmbodiment, WorldTransport.InMemory);
        return new CampaignSample(r.Scenarios, wall.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, meter.Counts);
    }
}
