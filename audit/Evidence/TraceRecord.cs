namespace MultiWallet.Audit.Evidence;

/// <summary>One trace shown in the report under its embodiments.</summary>
/// <param name="CheckId">The check that published it.</param>
/// <param name="Label">The check id, or "id / label" when the check has several traces.</param>
/// <param name="Embodiments">Where the report shows it (none: the SET core section).</param>
/// <param name="Text">The trace as text.</param>
/// <param name="Mermaid">The trace as a Mermaid sequence diagram.</param>
/// <param name="Passed">Whether the check passed.</param>
public sealed record TraceRecord(string CheckId, string Label, string[] Embodiments, string? Text, string? Mermaid, bool Passed);
