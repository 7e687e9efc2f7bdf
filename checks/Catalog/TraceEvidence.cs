namespace MultiWallet.Checks.Catalog;

/// <summary>A rendered trace of one scenario run: the report shows it under the check's embodiments.</summary>
/// <param name="Label">Tells several traces of one check apart; null when the check has a single trace.</param>
/// <param name="Text">The trace as text (the form committed as a snapshot).</param>
/// <param name="Mermaid">The trace as a Mermaid sequence diagram.</param>
/// <param name="Scenario">The canonical scenario the trace is of, when it has a name.</param>
public sealed record TraceEvidence(string? Label, string Text, string Mermaid, string? Scenario = null) : IEvidence;
