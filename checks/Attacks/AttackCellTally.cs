namespace MultiWallet.Checks.Attacks;

/// <summary>One attacker position of one embodiment: runs there, events fired (in the order first seen) and each property's state.</summary>
public sealed class AttackCellTally
{
    private readonly Dictionary<string, (bool Ok, bool Exercised)> states = new(StringComparer.Ordinal);

    /// <summary>Runs at the position.</summary>
    public int Runs { get; private set; }

    /// <summary>Attack events that fired there, by kind, in the order first seen.</summary>
    public Dictionary<string, int> Tried { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether no conclusive run there violated the property, and whether one had an event fire and reached its classes.</summary>
    public (bool Ok, bool Exercised) State(string checkId) => states.GetValueOrDefault(checkId, (true, false));

    internal void Observe(AttackJudgement j)
    {
        Runs++;
        foreach (var (k, n) in j.Tried) Tried[k] = Tried.GetValueOrDefault(k) + n;
        if (j.Inconclusive) return;
        foreach (var v in j.Verdicts)
        {
            var (ok, exercised) = State(v.CheckId);
            states[v.CheckId] = (ok && v.Violation is null, exercised || j.Tried.Count > 0 && v.Reached);
        }
    }
}
