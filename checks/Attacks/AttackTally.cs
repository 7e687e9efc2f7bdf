using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Attacks;

/// <summary>
/// Everything the attacker campaign keeps of one embodiment's attacked runs, folded run by run in case-index order as
/// they finish: per attack property, its judged cases, its classes and its first violation (counted up to and including
/// that run, as a property check reports them, and frozen after it); per attacker position, the runs there, the attack
/// events that fired and each property's held / exercised state. No run outlives its fold but the first violating
/// scenario of each property (to shrink), so memory does not grow with the number of attacked scenarios.
/// </summary>
public sealed class AttackTally
{
    private readonly Dictionary<string, AttackPropertyTally> properties;
    private readonly Dictionary<AttackPosition, AttackCellTally> cells = [];

    /// <summary>An empty tally of <paramref name="embodiment"/> for the attack properties that apply to it.</summary>
    public AttackTally(Embodiment embodiment)
    {
        Embodiment = embodiment;
        properties = AttackChecks.All.Where(i => i.Applies(embodiment)).ToDictionary(i => i.CheckId, _ => new AttackPropertyTally(), StringComparer.Ordinal);
    }

    /// <summary>The embodiment.</summary>
    public Embodiment Embodiment { get; }

    /// <summary>Attacked runs folded in.</summary>
    public int Runs { get; private set; }

    /// <summary>Whether an attack event fired in any run.</summary>
    public bool AnyTried { get; private set; }

    /// <summary>Wall-clock seconds the embodiment's attacked runs took (reporting only; no verdict reads it).</summary>
    public double Seconds { get; set; }

    /// <summary>The tally of an attack property that applies to the embodiment, or null.</summary>
    public AttackPropertyTally? Property(string checkId) => properties.GetValueOrDefault(checkId);

    /// <summary>The tally of a position, or null when no run was at it.</summary>
    public AttackCellTally? Cell(AttackPosition position) => cells.GetValueOrDefault(position);

    /// <summary>
    /// Judges one run with every applicable attack property (on any thread: nothing here is shared), keeping what the
    /// fold needs and dropping the run.
    /// </summary>
    public static AttackJudgement Judge(Embodiment e, AttackRun run)
    {
        var verdicts = new List<AttackVerdict>();
        // An inconclusive run is judged by no property (it measured the machine's load).
        if (run.Inconclusive is null)
            foreach (var inv in AttackChecks.All.Where(i => i.Applies(e)))
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var v = run.Crash ?? inv.Eval(run, seen);
                verdicts.Add(new AttackVerdict(inv.CheckId, v, seen.Count > 0, [.. seen.Concat(AttackChecks.Cell(e, run))]));
            }
        return new AttackJudgement(run.Case, run.Inconclusive is not null, run.Tried, verdicts);
    }

    /// <summary>Folds one judged run in; runs must come in case-index order (a property's classes stop at its first violation).</summary>
    public void Observe(AttackJudgement j)
    {
        Runs++;
        AnyTried |= j.Tried.Count > 0;
        if (!cells.TryGetValue(j.Case.Attack.Position, out var cell)) cells[j.Case.Attack.Position] = cell = new AttackCellTally();
        cell.Observe(j);
        foreach (var (id, p) in properties) p.Observe(j, j.Verdicts.FirstOrDefault(v => v.CheckId == id));
    }
}
