namespace MultiWallet.Checks.Catalog;

/// <summary>Which run of the model a set of <see cref="TransitionCounts"/> was counted over.</summary>
public enum TransitionRun
{
    /// <summary>Generated scenarios: the report's transition-coverage table.</summary>
    Generated,

    /// <summary>The hand-written patent examples and edge cases.</summary>
    Examples,
}
