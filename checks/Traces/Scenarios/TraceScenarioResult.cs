using MultiWallet.Impl.Network;
using MultiWallet.Impl.Set;

namespace MultiWallet.Checks.Traces.Scenarios;

/// <summary>The result of a scenario: per wake-up results, the whole trace, the gateway's authorization count.</summary>
public sealed record TraceScenarioResult(TraceScenario Scenario, IReadOnlyList<TraceWakeUpResult> WakeUps, TraceLog Trace, int Authorizations)
{
    /// <summary>Sends to a listening party the transport refused or broke (over real sockets: the machine's load; <see cref="TracedNetwork.RefusalsFired"/>).</summary>
    public int Refusals { get; init; }

    /// <summary>Every way the run differs from the hand-written expectations (empty = as expected).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var w in WakeUps)
        {
            if (w.Step.Expect.Mismatch(w.Outcome) is { } m) problems.Add($"wake-up {w.Index} ({w.Step.LidM}, {w.Step.Brand}): {m}");
            if (w.Step.Expect.BeforePInitReq && w.Events.OfType<MessageEvent>().Any(e => e.Kind == PInitReq.Kind))
                problems.Add($"wake-up {w.Index} ({w.Step.LidM}): refused with {w.Step.Expect.Reason} but a PInitReq was sent");
        }
        if (Authorizations != Scenario.ExpectedAuthorizations)
            problems.Add($"gateway authorized {Authorizations} times, expected {Scenario.ExpectedAuthorizations}");
        return problems;
    }
}
