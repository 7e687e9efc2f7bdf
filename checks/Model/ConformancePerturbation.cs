using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Invariants;
using MultiWallet.Model.Machines;
using MultiWallet.Model.Prediction;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Model;

/// <summary>
/// Mutation test of the model (each <see cref="Perturbation"/> must make conformance fail on generated cases) and
/// transition coverage of the model over a generated run.
/// </summary>
internal static class ConformancePerturbation
{

    /// <summary>Event lines with Routed's why-text dropped (only decider and wallet are compared).</summary>
    private static IEnumerable<string> Lines(IEnumerable<AbstractEvent> events) =>
        events.Select(e => e is AbstractEvent.Routed r ? $"Routed({r.Decider}, {r.Wallet})" : e.ToString());

    [Check("MODEL-PERTURBATION-DETECTED", Title = "each model perturbation makes conformance fail on generated cases that conform unperturbed (mutation test of the model)",
        Requirements = ["INV-CONFORM"], AllEmbodiments = true, Kind = CheckKind.Model)]
    public static CheckOutcome Perturbations(CheckContext ctx)
    {
        var cases = Campaign.All.SelectMany(e => Campaign.Cases(ctx, e).Cases)
            .Where(c => c.Result is { Agrees: true, Inconclusive: null }).ToList();
        var classes = new Dictionary<string, int>();
        var evidence = new List<IEvidence>();
        var missed = new List<string>();
        foreach (var p in Perturbation.All)
        {
            var caught = 0; string? example = null;
            foreach (var c in cases)
            {
                IReadOnlyList<StepPrediction> predicted;
                // Non-termination is the model's own step budget (deterministic), never elapsed time.
                try { predicted = Predictor.Predict(c.Scenario.Topology, c.Scenario.Script, c.Scenario.Steps, new PredictorOptions(p)); }
                catch (ModelDidNotTerminate ex) { caught++; example ??= c.Scenario + "\n(perturbed model did not terminate: " + ex.Message + ")"; continue; }
                catch (Exception ex) { caught++; example ??= c.Scenario + "\n(perturbed model threw " + ex.GetType().Name + ")"; continue; }
                var diverges = c.Result!.WakeUps.Any(w =>
                {
                    var q = predicted.First(x => x.StepIndex == w.StepIndex);
                    return q.Outcome != w.ImplOutcome || !Lines(q.Events).SequenceEqual(Lines(w.Abstracted));
                });
                if (!diverges) continue;
                caught++;
                example ??= c.Scenario.ToString();
            }
            classes[p.Name] = caught;
            evidence.Add(new PerturbationCount(p.Name, caught));
            if (caught == 0) missed.Add(p.Name); else ctx.Log($"{p.Name}: {caught} conforming case(s) diverge, e.g.\n{example}");
        }
        var summary = string.Join(", ", classes.Select(k => $"{k.Key}={k.Value}"));
        return new CheckOutcome
        {
            Passed = missed.Count == 0,
            CasesRun = cases.Count,
            Classes = classes,
            Evidence = evidence,
            Message = missed.Count == 0 ? $"all {Perturbation.All.Count} perturbations break conformance on {cases.Count} conforming cases: {summary}"
                : $"perturbation(s) not detected by conformance on {cases.Count} conforming cases: {string.Join(", ", missed)} ({summary})",
        };
    }

    [Check("MODEL-COVERAGE", Title = "transition coverage of the model's machines over a generated run; fails listing transitions that never fired",
        Requirements = ["INV-CONFORM"], AllEmbodiments = true, Kind = CheckKind.Model)]
    public static CheckOutcome Coverage(CheckContext ctx)
    {
        var coverage = new TransitionCoverage();
        var n = 0;
        foreach (var e in Campaign.All)
            foreach (var s in Campaign.Generate(e, ctx.Seed, Math.Min(Campaign.PerEmbodiment(ctx) * 10, 1000)))
            {
                Predictor.Predict(s.Topology, s.Script, s.Steps, new PredictorOptions(null, coverage));
                n++;
            }
        var counts = new TransitionCounts(TransitionRun.Generated, [.. coverage.Counts.Select(c => new TransitionCount(c.Transition, c.Count))]);
        var unfired = coverage.Unfired();
        return new CheckOutcome
        {
            Passed = unfired.Count == 0,
            CasesRun = n,
            Evidence = [counts],
            Message = $"{coverage.Declared - unfired.Count}/{coverage.Declared} declared transitions fired over {n} generated scenarios (model only)" +
                      (unfired.Count == 0 ? "" : "; never fired:\n" + string.Join("\n", unfired)),
        };
    }
}
