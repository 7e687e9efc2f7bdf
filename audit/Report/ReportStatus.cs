using MultiWallet.Audit.Evidence;
using MultiWallet.Audit.Verdicts;

namespace MultiWallet.Audit.Report;

/// <summary>
/// The status the report and the console show for a check, claim, embodiment or invariant: its colour (by CSS class)
/// and its word, so that colour is never the only carrier. Every status shown is computed here, in <see cref="Of(CheckRecord)"/>
/// and its overloads, and nowhere else.
/// </summary>
/// <param name="Css">The CSS class: <c>conforms</c> (green), <c>not-assessed</c> (grey), <c>fails</c> (red) or <c>inconclusive</c> (amber).</param>
/// <param name="Word">The word shown beside the colour.</param>
/// <param name="Rank">Order of urgency for a failed-first listing: fails 0, inconclusive 1, not assessed 2, conforms 3.</param>
public sealed record ReportStatus(string Css, string Word, int Rank)
{
    /// <summary>A check that passed.</summary>
    public static ReportStatus Passed { get; } = new("conforms", "passed", 3);
    /// <summary>A check that failed.</summary>
    public static ReportStatus Failed { get; } = new("fails", "failed", 0);
    /// <summary>A check that judged nothing because a wall-clock limit fired (environment).</summary>
    public static ReportStatus Inconclusive { get; } = new("inconclusive", "inconclusive", 1);
    /// <summary>A claim, embodiment or invariant every attributed check backs.</summary>
    public static ReportStatus Conforms { get; } = new("conforms", "conforms", 3);
    /// <summary>A claim, embodiment or invariant a failing check contradicts.</summary>
    public static ReportStatus Fails { get; } = new("fails", "fails", 0);
    /// <summary>A claim, embodiment or invariant the run did not (fully) assess.</summary>
    public static ReportStatus NotAssessed { get; } = new("not-assessed", "not assessed", 2);

    /// <summary>The CSS classes and words of every status, for the report's legend and filter.</summary>
    public static IReadOnlyList<ReportStatus> All { get; } = [Failed, Fails, Inconclusive, NotAssessed, Passed, Conforms];

    /// <summary>A check's status.</summary>
    public static ReportStatus Of(CheckRecord c) => !c.Passed ? Failed : c.Inconclusive is not null ? Inconclusive : Passed;

    /// <summary>A claim's status.</summary>
    public static ReportStatus Of(ClaimRecord c) => Judge(c.Status);

    /// <summary>An embodiment's status.</summary>
    public static ReportStatus Of(EmbodimentRecord e) => Judge(e.Status);

    /// <summary>An invariant's status.</summary>
    public static ReportStatus Of(InvariantRecord i) => Judge(i.Status);

    // A requirement's status is the run's verdict model (audit/Verdicts), which every record carries as its label.
    private static ReportStatus Judge(string label) => VerdictStatusText.Parse(label) switch
    {
        VerdictStatus.Conforms => Conforms,
        VerdictStatus.Fails => Fails,
        _ => NotAssessed,
    };
}
