namespace MultiWallet.Checks.Recorded;

/// <summary>
/// The witness of a divergence as a log of its own: the case's structure (its header, step and wake-up lines, so the model
/// and the step indices are as in the file) and the witness's event lines, nothing else. A witness <em>shows</em> the
/// divergence when this log still breaks the same requirement for the same order (whatever else it breaks), and is
/// <em>minimal</em> (1-minimal) when leaving out any one of its event lines makes that requirement hold.
/// </summary>
public static class WitnessLog
{
    /// <summary>The lines of the witness log of <paramref name="v"/>'s divergence, with <paramref name="without"/> left out.</summary>
    public static IReadOnlyList<string> Extract(IReadOnlyList<string> lines, OrderVerdict v, int? without = null)
    {
        var keep = v.Divergence!.Witness.Select(w => w.Line).Where(l => l != without).ToHashSet();
        var result = new List<string>();
        for (var i = v.CaseLine - 1; i < lines.Count; i++)
        {
            var n = i + 1;
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line)) continue;
            var parsed = TraceLogReader.Parse(line, n);
            if (parsed is RecordedLine.Case && n != v.CaseLine) break;
            if (parsed is RecordedLine.Case or RecordedLine.StepLine or RecordedLine.WakeUp || keep.Contains(n)) result.Add(line);
        }
        return result;
    }

    /// <summary>Whether the witness shows the divergence and each of its event lines is needed; else what fails.</summary>
    public static string? Verify(IReadOnlyList<string> lines, OrderVerdict v)
    {
        var d = v.Divergence!;
        if (Breaks(Extract(lines, v), v, d.Requirement) is not true) return $"the witness alone does not break {d.Requirement} for {v.Order}";
        foreach (var w in d.Witness)
        {
            var parsed = TraceLogReader.Parse(lines[w.Line - 1], w.Line);
            if (parsed is not RecordedLine.Event and not RecordedLine.OutcomeLine) continue;
            if (Breaks(Extract(lines, v, w.Line), v, d.Requirement) is true) return $"the witness is not minimal: without line {w.Line} it still breaks {d.Requirement}";
        }
        return null;
    }

    private static bool? Breaks(IReadOnlyList<string> log, OrderVerdict v, string requirement)
    {
        var checker = new TraceChecker();
        using var reader = new StringReader(string.Join('\n', log));
        var verdict = checker.Check(TraceLogReader.Read(reader)).FirstOrDefault(x => x.CaseId == v.CaseId && x.Order == v.Order);
        return verdict is null ? null : verdict.Broken.Contains(requirement);
    }
}
