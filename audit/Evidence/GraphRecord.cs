namespace MultiWallet.Audit.Evidence;

/// <summary>One state machine drawn in the report (or on the graphs page).</summary>
/// <param name="Name">The machine.</param>
/// <param name="Mermaid">Its Mermaid state diagram.</param>
/// <param name="Dot">Its Graphviz DOT.</param>
/// <param name="FromCheck">The check (or source) that published it.</param>
public sealed record GraphRecord(string Name, string? Mermaid, string? Dot, string FromCheck);
