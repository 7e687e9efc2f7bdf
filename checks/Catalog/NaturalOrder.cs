namespace MultiWallet.Checks.Catalog;

/// <summary>
/// Orders identifiers the way a reader counts: digit runs compare as numbers, so E2 comes before E10 and
/// INV-2 before INV-10; everything else compares ordinally. The one comparer every id, wallet, order and file name the audit lists is sorted with (report, console, scenarios).
/// </summary>
public sealed class NaturalOrder : IComparer<string?>
{
    /// <summary>The shared instance.</summary>
    public static NaturalOrder Instance { get; } = new();

    /// <summary>Sorts <paramref name="ids"/> naturally.</summary>
    public static IReadOnlyList<string> Sort(IEnumerable<string> ids) => ids.Order(Instance).ToList();

    /// <inheritdoc />
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
                // Longer digit runs (without leading zeros) are larger numbers; equal lengths compare digit by digit.
                var byNumber = a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
                if (byNumber != 0) return byNumber;
                var byZeros = (i - si).CompareTo(j - sj);
                if (byZeros != 0) return byZeros;
            }
            else
            {
                var c = x[i].CompareTo(y[j]);
                if (c != 0) return c;
                i++;
                j++;
            }
        }
        return (x.Length - i).CompareTo(y.Length - j);
    }
}
