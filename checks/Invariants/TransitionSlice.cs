namespace MultiWallet.Checks.Invariants;

/// <summary>One declared transition's count.</summary>
public sealed record TransitionSlice
{
    /// <summary>The machine.</summary>
    public string Machine { get; init; } = "";
    /// <summary>The source state.</summary>
    public string Source { get; init; } = "";
    /// <summary>The trigger.</summary>
    public string Trigger { get; init; } = "";
    /// <summary>The destination state.</summary>
    public string Destination { get; init; } = "";
    /// <summary>How often it fired.</summary>
    public int Count { get; init; }
}
