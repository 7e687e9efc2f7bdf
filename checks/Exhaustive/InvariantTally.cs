namespace MultiWallet.Checks.Exhaustive;

/// <summary>What one invariant judged over an exhaustive scope: cases, the classes it reached, its first violation.</summary>
internal sealed class InvariantTally(string id)
{
    /// <summary>The invariant's id.</summary>
    public string Id { get; } = id;
    /// <summary>Cases it judged.</summary>
    public int Judged { get; set; }
    /// <summary>How many cases reached each class it names.</summary>
    public Dictionary<string, int> Classes { get; } = new(StringComparer.Ordinal);
    /// <summary>The earliest violating case (index in the enumeration), its violation and the case, or null.</summary>
    public (long Index, string Violation, string Case)? First { get; set; }

    /// <summary>Adds another worker's tally.</summary>
    public void Add(InvariantTally other)
    {
        Judged += other.Judged;
        foreach (var (k, v) in other.Classes) Classes[k] = Classes.GetValueOrDefault(k) + v;
        if (other.First is { } f && (First is null || f.Index < First.Value.Index)) First = f;
    }
}
