using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Attacks;

/// <summary>
/// One security invariant judged over the attacker campaign's runs: its id, title, the classes that must occur (else
/// it is vacuous) and the judgement of one run. Each becomes one PROP-* check (<see cref="AttackChecks"/>); it judges
/// only what the attacker and the parties observably did and hold, never how a party implements its defence.
/// </summary>
public abstract class AttackInvariant
{
    /// <summary>The catalog check's id.</summary>
    public abstract string CheckId { get; }

    /// <summary>The catalog check's title.</summary>
    public abstract string Title { get; }

    /// <summary>Requirement ids the check cites.</summary>
    public abstract IReadOnlyList<string> Requirements { get; }

    /// <summary>The classes a campaign of <paramref name="perEmbodiment"/> attacked scenarios per embodiment must contain.</summary>
    public abstract IReadOnlyList<string> RequiredFor(int perEmbodiment);

    /// <summary>Whether it says anything about an embodiment with these traits.</summary>
    protected virtual bool AppliesTo(EmbodimentTraits t) => true;

    /// <summary>Whether it applies to <paramref name="e"/>.</summary>
    public bool Applies(Embodiment e) => AppliesTo(EmbodimentTraits.Of(e));

    /// <summary>The embodiments it applies to.</summary>
    public IReadOnlyList<Embodiment> Embodiments => [.. EmbodimentTraits.All.Where(AppliesTo).Select(t => t.Embodiment)];

    /// <summary>Judges one run, adding the classes it saw; the violation, or null.</summary>
    public abstract string? Eval(AttackRun run, ICollection<string> classes);

    /// <summary>Whether an event of <paramref name="kind"/> fired in the run.</summary>
    protected static bool Fired(AttackRun run, AttackKind kind) => run.Tried.Keys.Any(k => k == kind.ToString() || k.StartsWith(kind + ":", StringComparison.Ordinal));

    /// <summary>The invariant's check id.</summary>
    public override string ToString() => CheckId;
}
