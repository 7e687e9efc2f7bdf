using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Traces.Scenarios;
using MultiWallet.Checks.Traces.TraceRendering;

namespace MultiWallet.Checks.Traces;

/// <summary>
/// Runs a scenario, checks the hand-written expected outcomes, and compares the trace text with the committed
/// snapshot. Shared by the xunit tests and the catalog checks so the scenario code is written once.
/// </summary>
public static class TraceVerification
{
    public sealed record Verified(TraceScenarioResult Result, string Text, string Mermaid, IReadOnlyList<string> Problems);

    public static Verified Run(string scenario)
    {
        var result = TraceScenarioRunner.Run(CanonicalScenarios.Get(scenario));
        return new Verified(result, TraceText.Render(result), TraceMermaid.Render(result), result.Problems());
    }

    public static CheckOutcome Check(CheckContext ctx, string scenario)
    {
        var v = Run(scenario);
        ctx.Log(v.Text);
        var problems = v.Problems.ToList();
        if ((ctx.Snapshots ?? CommittedSnapshots.Instance).Match(scenario, v.Text) is { } mismatch) problems.Add(mismatch);
        var trace = new TraceEvidence(null, v.Text, v.Mermaid, scenario);
        var summary = string.Join("; ", v.Result.WakeUps.Select(w => $"{w.Step.LidM} {w.Step.Brand} -> {w.Step.Expect}"));
        return (problems.Count == 0 ? CheckOutcome.Pass($"{scenario}: {summary}; trace matches the snapshot")
            : CheckOutcome.Fail(string.Join("\n", problems)) with { Counterexample = $"scenario {scenario} (seed {TraceScenario.Seed}):\n{v.Text}" }) with
        { Evidence = [trace] };
    }
}
