using MultiWallet.Checks.Generators;

namespace MultiWallet.Checks.Sut;

/// <summary>How one generated case went against a system under test.</summary>
public enum SutCaseStatus
{
    /// <summary>Run and judged by every applicable invariant, none violated.</summary>
    Held,
    /// <summary>An invariant was violated.</summary>
    Violated,
    /// <summary>The SUT misbehaved at the protocol level (an answer the contract does not allow).</summary>
    ProtocolFailure,
    /// <summary>A wait expired (a hang of the SUT or of the machine): judged nothing.</summary>
    Inconclusive,
    /// <summary>Not run: a step's position is inside the SUT, or the SUT declared the case unsupported.</summary>
    NotRun,
}

/// <summary>One case: its index in the embodiment's sequence, its status, the first violation or the exchange that showed a failure.</summary>
public sealed record SutCaseResult(int Index, GeneratedScenario Scenario, SutCaseStatus Status, string? Invariant, string? Detail)
{
    /// <summary>What this case could not assess because the SUT keeps it to itself (e.g. its erasure when it serves no trace); empty when everything was.</summary>
    public IReadOnlyList<string> NotAssessed { get; init; } = [];
}
