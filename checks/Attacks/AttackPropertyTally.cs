using MultiWallet.Checks.Invariants;

namespace MultiWallet.Checks.Attacks;

/// <summary>One attack property over one embodiment's runs, in case-index order up to and including its first violation.</summary>
public sealed class AttackPropertyTally
{
    /// <summary>Conclusive runs judged (up to the first violation).</summary>
    public int Cases { get; private set; }

    /// <summary>Classes with their counts, in the order first seen (inconclusive runs count in <see cref="Campaign.InconclusiveClass"/>).</summary>
    public Dictionary<string, int> Classes { get; } = new(StringComparer.Ordinal);

    /// <summary>The first violating run's scenario and violation, or null.</summary>
    public (AttackedScenario Case, string Violation)? Failure { get; private set; }

    internal void Observe(AttackJudgement j, AttackVerdict? v)
    {
        if (Failure is not null) return;
        if (j.Inconclusive || v is null) { Add(Campaign.InconclusiveClass); return; }
        Cases++;
        foreach (var c in v.Classes) Add(c);
        if (v.Violation is { } why) Failure = (j.Case, why);
    }

    private void Add(string c) => Classes[c] = Classes.GetValueOrDefault(c) + 1;
}
