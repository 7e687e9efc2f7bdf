namespace MultiWallet.Checks.Recorded;

/// <summary>Totals of one checked file.</summary>
public sealed record TraceCheckSummary(int Cases, int Orders, int WakeUps, int Events, int Diverging)
{
    /// <summary>Whether every order conforms.</summary>
    public bool AllConform => Diverging == 0;
}
