namespace MultiWallet.Audit.Verdicts;

/// <summary>What a run lets one say about one requirement (E*, C*, INV-*).</summary>
public enum VerdictStatus
{
    /// <summary>Every check backing it ran at the full budget and passed.</summary>
    Conforms,

    /// <summary>No backing check failed, but a filter, a reduced budget or the environment left something out.</summary>
    NotAssessed,

    /// <summary>A backing check failed; the verdict names it.</summary>
    Fails,
}

/// <summary>The words every artifact writes for a <see cref="VerdictStatus"/>.</summary>
public static class VerdictStatusText
{
    /// <summary>"conforms", "not assessed" or "fails".</summary>
    public static string Label(this VerdictStatus s) => s switch
    {
        VerdictStatus.Conforms => "conforms",
        VerdictStatus.NotAssessed => "not assessed",
        _ => "fails",
    };

    /// <summary>The status a <see cref="Label"/> names, or null for any other text.</summary>
    public static VerdictStatus? Parse(string label) => label switch
    {
        "conforms" => VerdictStatus.Conforms,
        "not assessed" => VerdictStatus.NotAssessed,
        "fails" => VerdictStatus.Fails,
        _ => null,
    };
}
