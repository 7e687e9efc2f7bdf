using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Model.Machines;

/// <summary>What every machine of one wake-up shares: where events go, the coverage collector, the perturbation.</summary>
public sealed class RunContext(PredictorOptions options)
{
    private readonly List<AbstractEvent> events = [];
    public TransitionCoverage? Coverage => options.Coverage;
    public bool Perturbed(Perturbation p) => options.Perturbation == p;
    public void Emit(AbstractEvent e) => events.Add(e);
    public IReadOnlyList<AbstractEvent> Events => events;
    public void Clear() => events.Clear();
}
