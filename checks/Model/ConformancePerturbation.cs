using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Invariants;
using MultiWallet.Model.Machines;
using MultiWallet.Model.Prediction;

namespace MultiWallet.Checks.Model;

/// <summary>
/// Mutation test of the model (each <see cref="Perturbation"/> must make conformance fail on generated cases) and
/// transition coverage of the model over a generated run.
/// </summary>
internal static class ConformancePerturbation
{
    /// <summary>Scenarios per embodiment the coverage is taken over: ten times the budget, at most 1000 (the default budget, where the campaign's own predictions suffice).</summary>
    private static int CoverageScenarios(CheckContext ctx) => Math.Max(Campaign.PerEmbodiment(ctx), Math.Min(Campaign.PerEmbodiment(ctx) * 10, 1000));

    [Check("MODEL-PERTURBATION-DETECTED", Title = "each model perturbation makes conformance fail on generated cases that conform unperturbed (mutation test of the model)",
        Requirements = ["INV-CONFORM"], AllEmbodiments = true, Kind = CheckKind.Model)]
    public static CheckOutcome Perturbations(CheckContext ctx)
    {
        // The shared campaign tried every perturbation on each conforming case as it ran (PerturbationTally).
        var tallies = Campaign.Result(ctx).Embodiments.Select(t => t.Perturbations).ToList();
        var conforming = tallies.Sum(t => t.Conforming);
        var classes = new Dictionary<string, int>();
        var evidence = new List<IEvidence>();
        var missed = new List<string>();
        foreach (var p in Perturbation.All)
        {
            // Embodiment order, then case index: the example is the first catching case of the first embodiment with one.
            var results = tallies.Select(t => t.Results.Single(r => r.Name == p.Name)).ToList();
            var caught = results.Sum(r => r.Caught);
            var example = results.Select(r => r.Example).FirstOrDefault(x => x is not null);
            classes[p.Name] = caught;
            evidence.Add(new PerturbationCount(p.Name, caught));
            if (caught == 0) missed.Add(p.Name); else ctx.Log($"{p.Name}: {caught} conforming case(s) diverge, e.g.\n{example}");
        }
        var summary = string.Join(", ", classes.Select(k => $"{k.Key}={k.Value}"));
        return new CheckOutcome
        {
            Passed = missed.Count == 0,
            CasesRun = conforming,
            Classes = classes,
            Evidence = evidence,
            Message = missed.Count == 0 ? $"all {Perturbation.All.Count} perturbations break conformance on {conforming} conforming cases: {summary}"
                : $"perturbation(s) not detected by conformance on {conforming} conforming cases: {string.Join(", ", missed)} ({summary})",
        };
    }

    [Check("MODEL-COVERAGE", Title = "transition coverage of the model's machines over a generated run; fails listing transitions that never fired",
        Requirements = ["INV-CONFORM"], AllEmbodiments = true, Kind = CheckKind.Model)]
    public static CheckOutcome Coverage(CheckContext ctx)
    {
        // The campaign's own predictions (every case it ran, model and implementation side by side) ...
        var campaign = Campaign.Result(ctx);
        var coverage = new CoverageTally();
        foreach (var t in campaign.Embodiments) coverage.Merge(t.Coverage);
        var n = campaign.Scenarios;
        // ... and, below the default budget, model-only predictions of the next generated scenarios, up to
        // CoverageScenarios per embodiment, so a small test budget still exercises every transition.
        // Beyond the budget only: at 1000 cases or more per embodiment there are none, and nothing is generated.
        var extra = Campaign.All.Where(_ => CoverageScenarios(ctx) > Campaign.PerEmbodiment(ctx))
            .SelectMany(e => Campaign.Stream(e, ctx.Seed).Take(CoverageScenarios(ctx)).Skip(Campaign.PerEmbodiment(ctx))).ToList();
        var gate = new object();
        Parallel.ForEach(extra, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new CoverageTally(), (s, _, local) =>
        {
            var one = new TransitionCoverage();
            Predictor.Predict(s.Topology, s.Script, s.Steps, new PredictorOptions(null, one));
            local.Add(one);
            return local;
        }, local => { lock (gate) coverage.Merge(local); });
        n += extra.Count;
        var counts = new TransitionCounts(TransitionRun.Generated, [.. coverage.Counts.Select(c => new TransitionCount(c.Transition, c.Count))]);
        var unfired = coverage.Unfired();
        return new CheckOutcome
        {
            Passed = unfired.Count == 0,
            CasesRun = n,
            Evidence = [counts],
            Message = $"{coverage.Declared - unfired.Count}/{coverage.Declared} declared transitions fired over {n} generated scenarios ({campaign.Scenarios} predicted by the shared campaign, {extra.Count} model only)" +
                      (unfired.Count == 0 ? "" : "; never fired:\n" + string.Join("\n", unfired)),
        };
    }
}
