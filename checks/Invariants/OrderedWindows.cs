namespace MultiWallet.Checks.Invariants;

/// <summary>
/// Maps a lazy sequence on every core and hands the results out in source order, a window at a time: at most one
/// window of inputs and results is held, whatever the sequence's length (a campaign-sized stream of cases stays bounded).
/// </summary>
public static class OrderedWindows
{
    /// <summary>The window when none is given: four items per core, so every core has work while a window lasts.</summary>
    public static int DefaultWindow => Environment.ProcessorCount * 4;

    /// <summary>
    /// <paramref name="map"/> applied to every element of <paramref name="source"/> (in parallel within a window of
    /// <paramref name="window"/> elements), in source order. The source is read only as far as the consumer reads the results.
    /// </summary>
    public static IEnumerable<TOut> Map<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> map, int window = 0)
    {
        if (window <= 0) window = DefaultWindow;
        var inputs = new List<TIn>(window);
        using var items = source.GetEnumerator();
        while (true)
        {
            inputs.Clear();
            while (inputs.Count < window && items.MoveNext()) inputs.Add(items.Current);
            if (inputs.Count == 0) yield break;
            var results = new TOut[inputs.Count];
            Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => results[i] = map(inputs[i]));
            foreach (var r in results) yield return r;
            if (inputs.Count < window) yield break;
        }
    }
}
