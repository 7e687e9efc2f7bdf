using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Bridge;

/// <summary>
/// A whole run: the inputs, each wake-up's result, and the world (for extra facts). A run stops early at a
/// <see cref="Hang"/> (a divergence: the model always predicts an outcome) or when it is <see cref="Inconclusive"/>
/// (a wall-clock limit over HTTP fired: environment, so no invariant may judge it).
/// </summary>
public sealed record ConformanceResult(Topology Topology, UserScript Script, IReadOnlyList<Step> Steps, IReadOnlyList<WakeUpConformance> WakeUps, ImplBuilder Built)
{
    /// <summary>The wake-up that never finished, when one hung (in memory, found by the virtual-time driver).</summary>
    public WakeUpHang? Hang { get; init; }

    /// <summary>Why the run says nothing (a wall-clock limit fired over HTTP), or null when it is conclusive.</summary>
    public string? Inconclusive { get; init; }

    /// <summary>What each <see cref="Step.Heal"/> did, in order.</summary>
    public IReadOnlyList<HealFacts> Heals { get; init; } = [];

    /// <summary>The set-up before the first step, then each world-changing step (not a wake-up, replay or heal), in order.</summary>
    public IReadOnlyList<SetupFacts> Setup { get; init; } = [];

    public bool Agrees => Hang is null && WakeUps.All(w => w.Agrees);
    public WakeUpConformance? FirstDivergence => WakeUps.FirstOrDefault(w => !w.Agrees);
    public string RenderedTrace => Built.World.Trace.Render();
}
