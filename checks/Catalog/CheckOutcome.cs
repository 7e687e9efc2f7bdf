namespace MultiWallet.Checks.Catalog;

/// <summary>The result of one catalog check, in the form the evidence bundle records it.</summary>
public sealed record CheckOutcome
{
    /// <summary>Whether the check holds (true for an <see cref="Inconclusive"/> outcome too: it found no failure).</summary>
    public required bool Passed { get; init; }
    /// <summary>
    /// Why the check judged nothing: over HTTP a wall-clock limit fired, which measures the machine, not the system
    /// (environment). Null when the check judged. An inconclusive outcome is never a failure; the audit reports it and
    /// exits 4 when no check failed.
    /// </summary>
    public string? Inconclusive { get; init; }
    /// <summary>How many generated cases (or scenarios) the check ran.</summary>
    public int CasesRun { get; init; } = 1;
    /// <summary>Why it failed, or a one-line summary when it passed.</summary>
    public string Message { get; init; } = "";
    /// <summary>Replay handle, e.g. "--seed 42" or FsCheck's "(seed,gamma,size)".</summary>
    public string? Replay { get; init; }
    /// <summary>Shrunk counterexample, readable (topology and wake-ups), when failed.</summary>
    public string? Counterexample { get; init; }
    /// <summary>How many generated cases fell in each class (Classify/Collect).</summary>
    public IReadOnlyDictionary<string, int> Classes { get; init; } = new Dictionary<string, int>();
    /// <summary>Typed machine-readable evidence (traces, graphs, fault detections, transition counts, ...).</summary>
    public IReadOnlyList<IEvidence> Evidence { get; init; } = [];

    /// <summary>A passing outcome with a one-line summary.</summary>
    public static CheckOutcome Pass(string message = "", int cases = 1) => new() { Passed = true, Message = message, CasesRun = cases };
    /// <summary>An outcome that judged nothing because a wall-clock limit fired over HTTP (environment), saying which.</summary>
    public static CheckOutcome InconclusiveEnvironment(string why, int cases = 1) =>
        new() { Passed = true, Inconclusive = why, Message = "inconclusive (environment): " + why, CasesRun = cases };
    /// <summary>A failing outcome saying why.</summary>
    public static CheckOutcome Fail(string message, int cases = 1) => new() { Passed = false, Message = message, CasesRun = cases };
}
