using MultiWallet.Impl.Crypto;

namespace MultiWallet.Audit.Bench;

/// <summary>One execution of the shared campaign under the benchmark: its size, its cost and the primitives it performed.</summary>
/// <param name="Scenarios">Scenarios executed (every embodiment).</param>
/// <param name="WallSeconds">Elapsed seconds.</param>
/// <param name="CpuSeconds">Process CPU seconds (all threads).</param>
/// <param name="Counts">Primitive operations it performed (<see cref="CryptoCounters"/>).</param>
public sealed record CampaignSample(int Scenarios, double WallSeconds, double CpuSeconds, CryptoCounts Counts)
{
    /// <summary>Scenarios per elapsed second.</summary>
    public double ScenariosPerSecond => Scenarios / WallSeconds;

    /// <summary>Scenarios per CPU second (independent of how many cores were free).</summary>
    public double ScenariosPerCpuSecond => Scenarios / CpuSeconds;
}
