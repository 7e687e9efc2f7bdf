namespace MultiWallet.Checks.Attacks;

/// <summary>An attack: a position and the events it plays, in order, against an honest scenario.</summary>
public sealed record Attack(AttackPosition Position, IReadOnlyList<AttackEvent> Events)
{
    /// <summary>The attack's lines: position, then one event per line.</summary>
    public override string ToString() =>
        $"attacker {Positions.Id(Position)}" + string.Concat(Events.Select((e, i) => $"{Environment.NewLine}!{i} {e}"));
}
