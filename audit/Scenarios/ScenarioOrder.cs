namespace MultiWallet.Audit.Scenarios;

/// <summary>
/// The order names are shown in: runs of digits compare as numbers, so E2 comes before E10, SSW-2 before SSW-10 and
/// ORD-9 before ORD-10 (ordinal order would put E10 between E1 and E2); otherwise ordinal.
/// </summary>
public sealed class ScenarioOrder : IComparer<string?>
{
    /// <summary>The one instance.</summary>
    public static readonly ScenarioOrder Comparer = new();

    private ScenarioOrder() { }

    /// <inheritdoc/>
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                int si = i, sj = j;
                while (i < x.Length && char.IsAsciiDigit(x[i])) i++;
                while (j < y.Length && char.IsAsciiDigit(y[j])) j++;
                var a = x[si..i].TrimStart('0');
                var b = y[sj..j].TrimStart('0');
                var c = a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
                if (c != 0) return c;
                continue;
            }
            var d = x[i].CompareTo(y[j]);
            if (d != 0) return d;
            i++; j++;
        }
        var rest = (x.Length - i).CompareTo(y.Length - j);
        return rest != 0 ? rest : string.CompareOrdinal(x, y);
    }
}
