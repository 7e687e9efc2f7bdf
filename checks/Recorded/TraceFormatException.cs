namespace MultiWallet.Checks.Recorded;

/// <summary>
/// A recorded trace that cannot be read: a malformed line, a missing or mistyped field, a line out of place. Names the
/// 1-based line and the field (or "(line)" when the line as a whole is wrong), so `audit check-trace` exits 2 with a
/// message an operator can act on instead of a stack trace.
/// </summary>
public sealed class TraceFormatException(int line, string field, string problem)
    : Exception($"line {line}, field {field}: {problem}")
{
    /// <summary>The 1-based line of the file.</summary>
    public int Line { get; } = line;

    /// <summary>The JSON field at fault, or "(line)".</summary>
    public string Field { get; } = field;

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; } = problem;
}
