using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Model.Machines;

/// <summary>
/// What every machine of one wake-up shares: where events go, the coverage collector, the perturbation, and the step
/// budget that stops a model that does not terminate (<see cref="ModelDidNotTerminate"/>) without any clock.
/// </summary>
public sealed class RunContext(PredictorOptions options)
{
    /// <summary>Triggers one wake-up may fire; an honest wake-up fires a few dozen.</summary>
    public const int StepBudget = 10_000;

    private readonly List<AbstractEvent> events = [];
    private int steps;
    public TransitionCoverage? Coverage => options.Coverage;
    public bool Perturbed(Perturbation p)
    {
        options.Queries?.Asked(p);
        return options.Perturbation == p;
    }
    /// <summary>The perturbation the machines are built with, or null for the faithful model.</summary>
    public Perturbation? Perturbation => options.Perturbation;
    public void Emit(AbstractEvent e) => events.Add(e);
    public IReadOnlyList<AbstractEvent> Events => events;
    /// <summary>Triggers fired since the wake-up began.</summary>
    public int Steps => steps;

    /// <summary>Counts one trigger fired by <paramref name="machine"/>; throws <see cref="ModelDidNotTerminate"/> past <see cref="StepBudget"/>.</summary>
    public void Step(string machine)
    {
        if (++steps > StepBudget) throw new ModelDidNotTerminate(steps, machine);
    }

    /// <summary>The faulted exchange the next SET purchase of this wake-up runs (faults armed by Fault steps), or null.</summary>
    public FaultedExchange? Faulted { get; set; }

    /// <summary>The refusal reason of a faulted purchase that did not pay (Replay for a duplicated PInitReq), else ProtocolError.</summary>
    public Reason FaultedRefusal => Faulted?.Order.Answer == FaultedExchange.Answer.Replay ? Reason.Replay : Reason.ProtocolError;

    /// <summary>The gateway declines this wake-up's authorization (its amount is above the topology's decline limit).</summary>
    public bool GatewayDeclines { get; set; }

    /// <summary>Starts a new wake-up: no events, no steps.</summary>
    public void Clear() { events.Clear(); steps = 0; Faulted = null; GatewayDeclines = false; }
}
