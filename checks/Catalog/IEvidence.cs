namespace MultiWallet.Checks.Catalog;

/// <summary>
/// One typed piece of machine-readable evidence a check publishes with its <see cref="CheckOutcome"/>
/// (a trace, a machine graph, a fault detection, transition counts, ...). The audit reads these into its
/// evidence bundle and report by type, so producer and reader share a shape instead of key conventions.
/// </summary>
public interface IEvidence
{
}
