namespace MultiWallet.Audit.Evidence;

/// <summary>How often one declared transition fired over the generated run.</summary>
/// <param name="Machine">The machine.</param>
/// <param name="Source">The source state.</param>
/// <param name="Trigger">The trigger.</param>
/// <param name="Destination">The destination state.</param>
/// <param name="Count">Times fired (0: never).</param>
public sealed record TransitionRecord(string Machine, string Source, string Trigger, string Destination, int Count);
