namespace MultiWallet.Audit.Evidence;

/// <summary>The model section of the bundle: transition coverage and machine graphs.</summary>
/// <param name="Transitions">Transition counts over the generated run, sorted by machine, source, trigger.</param>
/// <param name="Graphs">Every machine graph a check published.</param>
public sealed record ModelRecord(IReadOnlyList<TransitionRecord> Transitions, IReadOnlyList<GraphRecord> Graphs);
