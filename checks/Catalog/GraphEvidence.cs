namespace MultiWallet.Checks.Catalog;

/// <summary>One model state machine drawn for the report.</summary>
/// <param name="Machine">The machine's name.</param>
/// <param name="Mermaid">The machine as a Mermaid state diagram.</param>
/// <param name="Dot">The machine as Graphviz DOT.</param>
public sealed record GraphEvidence(string Machine, string Mermaid, string Dot) : IEvidence;
