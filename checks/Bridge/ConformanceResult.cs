using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Bridge;

/// <summary>A whole run: the inputs, each wake-up's result, and the world (for extra facts).</summary>
public sealed record ConformanceResult(Topology Topology, UserScript Script, IReadOnlyList<Step> Steps, IReadOnlyList<WakeUpConformance> WakeUps, ImplBuilder Built)
{
    public bool Agrees => WakeUps.All(w => w.Agrees);
    public WakeUpConformance? FirstDivergence => WakeUps.FirstOrDefault(w => !w.Agrees);
    public string RenderedTrace => Built.World.Trace.Render();
}
