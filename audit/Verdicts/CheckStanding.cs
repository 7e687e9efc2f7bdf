namespace MultiWallet.Audit.Verdicts;

/// <summary>How one catalog check stands in one run, as far as a verdict is concerned.</summary>
public enum CheckStanding
{
    /// <summary>Ran at the full budget (or does not depend on one) and passed.</summary>
    Passed,

    /// <summary>A generated check that passed at fewer cases than the full budget: it supports, but does not decide.</summary>
    Reduced,

    /// <summary>
    /// A generated check that failed at a reduced budget without a counterexample: vacuous (a class of cases never generated)
    /// or a seeded fault not yet detected. Too few cases, not a defect: nothing is decided.
    /// </summary>
    ReducedInconclusive,

    /// <summary>Judged nothing: a wall-clock limit fired over HTTP (environment).</summary>
    Inconclusive,

    /// <summary>Left out of the run by a filter (--only, --embodiment).</summary>
    NotRun,

    /// <summary>Failed with a counterexample, or failed at the full budget: the requirements it backs fail.</summary>
    Failed,
}
