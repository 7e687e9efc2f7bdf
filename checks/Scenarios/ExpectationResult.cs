namespace MultiWallet.Audit.Scenarios;

/// <summary>One field of an <see cref="Expectation"/> held against both sides.</summary>
/// <param name="Field">The field, e.g. `outcome` or `routedTo`.</param>
/// <param name="Line">The line of the `expect:` key in the file.</param>
/// <param name="Expected">What the auditor wrote.</param>
/// <param name="Model">What the model predicts (null: the model does not state this fact).</param>
/// <param name="Implementation">What the implementation did (null: it did not run, e.g. it hung).</param>
public sealed record ExpectationResult(string Field, long Line, string Expected, string? Model, string? Implementation)
{
    /// <summary>Whether every side that states the fact agrees with the auditor (and the implementation ran).</summary>
    public bool Holds => Implementation == Expected && (Model is null || Model == Expected);
}
