namespace MultiWallet.Audit.Bench;

/// <summary>The median of repeated measurements and their range (how far apart the rounds came out).</summary>
/// <param name="Median">The median.</param>
/// <param name="Min">The smallest measurement.</param>
/// <param name="Max">The largest measurement.</param>
public sealed record Spread(double Median, double Min, double Max)
{
    /// <summary>The spread of <paramref name="samples"/> (at least one).</summary>
    public static Spread Of(IEnumerable<double> samples)
    {
        var s = samples.Order().ToArray();
        if (s.Length == 0) throw new ArgumentException("no samples", nameof(samples));
        var median = s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
        return new Spread(median, s[0], s[^1]);
    }

    /// <summary>(max − min) / median: 0 when every round agreed.</summary>
    public double Relative => Median == 0 ? 0 : (Max - Min) / Median;
}
