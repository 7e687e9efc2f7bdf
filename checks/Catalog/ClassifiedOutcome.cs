namespace MultiWallet.Checks.Catalog;

/// <summary>
/// The verdict of a generated property that passed every case: it still fails when a class of cases it is about was
/// never generated, because a property that never saw its subject proves nothing. One rule for every property.
/// </summary>
public static class ClassifiedOutcome
{
    /// <summary>
    /// Passes when every <paramref name="required"/> class occurs in <paramref name="classes"/>; else fails as vacuous,
    /// naming the missing classes before <paramref name="summary"/>.
    /// </summary>
    public static CheckOutcome Of(int cases, IReadOnlyDictionary<string, int> classes, IEnumerable<string> required, string replay, string summary)
    {
        var missing = required.Where(r => !classes.ContainsKey(r)).ToList();
        return new CheckOutcome
        {
            Passed = missing.Count == 0,
            CasesRun = cases,
            Classes = classes,
            Replay = replay,
            Message = missing.Count == 0 ? summary : $"vacuous: class(es) never generated: {string.Join(", ", missing)}. {summary}",
        };
    }

    /// <summary>Classes as "name=count", ordinal order, for a summary line.</summary>
    public static string Render(IEnumerable<KeyValuePair<string, int>> classes) =>
        string.Join(", ", classes.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}={k.Value}"));
}
