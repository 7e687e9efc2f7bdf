namespace MultiWallet.Checks.Recorded;

/// <summary>
/// A divergence one check found in one wake-up: the requirement it breaks, what is wrong, and the minimal witness — the
/// wake-up's setup line and the fewest events that show it (chosen structurally: the events the broken rule reads).
/// </summary>
public sealed record TraceFinding(string Requirement, string Message, IReadOnlyList<WitnessEvent> Witness)
{
    /// <summary>The line at which the divergence becomes visible (the witness's last).</summary>
    public int At => Witness.Count == 0 ? 0 : Witness.Max(w => w.Line);
}
