using MultiWallet.Checks.Bridge;
using MultiWallet.Impl.Network;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>
/// One invariant of SPEC.md §3, evaluated over one shared execution of a generated scenario. A subclass is the
/// whole invariant: its id, catalog title and requirements, the embodiments it applies to (from their traits),
/// the classes that must have been generated (else the property is vacuous) and the check itself. Every
/// subclass becomes one PROP-* catalog check (<see cref="InvariantChecks"/>).
/// </summary>
public abstract class Invariant
{
    /// <summary>The requirement id, e.g. INV-ONCE; the catalog check is PROP-&lt;Id&gt;.</summary>
    public abstract string Id { get; }

    /// <summary>The catalog check's title: what the generated scenarios show.</summary>
    public abstract string Title { get; }

    /// <summary>Requirement ids the check cites.</summary>
    public virtual IReadOnlyList<string> Requirements => [Id];

    /// <summary>Position among the invariants: reports and fault detections list them in this order.</summary>
    public abstract int Order { get; }

    /// <summary>Classes every campaign must generate at least once, else the check fails as vacuous.</summary>
    public abstract IReadOnlyList<string> Required { get; }

    /// <summary>The classes required of a campaign of <paramref name="perEmbodiment"/> cases per embodiment (by default every one of <see cref="Required"/>).</summary>
    public virtual IReadOnlyList<string> RequiredFor(int perEmbodiment) => Required;

    /// <summary>Whether the invariant says anything about an embodiment with these traits.</summary>
    protected virtual bool AppliesTo(EmbodimentTraits t) => true;

    /// <summary>The embodiments it applies to, in order.</summary>
    public IReadOnlyList<Embodiment> Embodiments => EmbodimentTraits.All.Where(AppliesTo).Select(t => t.Embodiment).ToList();

    /// <summary>Whether it applies to <paramref name="e"/>.</summary>
    public bool Applies(Embodiment e) => AppliesTo(EmbodimentTraits.Of(e));

    /// <summary>Evaluates one executed case, adding the classes it saw; the violation, or null.</summary>
    public abstract string? Eval(Case c, ICollection<string> cls);

    /// <summary>The invariant's id.</summary>
    public override string ToString() => Id;

    /// <summary>Each wake-up of a case with the environment as it was when it ran.</summary>
    protected static IEnumerable<(WakeUpConformance W, WorldState S)> WakeUps(Case c)
    {
        var states = WorldState.Walk(c.Scenario.Topology, c.Scenario.Steps).ToList();
        foreach (var w in c.Result!.WakeUps) yield return (w, states[w.StepIndex].State);
    }

    /// <summary>The decisions of one actor, of one kind, in a wake-up's trace.</summary>
    protected static IEnumerable<DecisionEvent> Decisions(WakeUpConformance w, string actor, string what) =>
        w.Events.OfType<DecisionEvent>().Where(d => d.Actor == actor && d.What == what);

    /// <summary>Whether a generated network fault fired in the wake-up (its outcome is then INV-EXACTLY-ONCE-UNDER-FAULTS' to judge).</summary>
    protected static bool Faulted(WakeUpConformance w) => w.Events.OfType<DecisionEvent>().Any(d => d.Actor == "fault" && d.What is TraceDecisions.Drop or TraceDecisions.Delay or TraceDecisions.Duplicate or TraceDecisions.Crash);

    /// <summary>Whether a message of <paramref name="kind"/> was sent in the wake-up.</summary>
    protected static bool Sent(WakeUpConformance w, string kind) => w.Events.OfType<MessageEvent>().Any(m => m.Kind == kind);
}
