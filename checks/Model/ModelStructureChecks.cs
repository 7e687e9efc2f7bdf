using System.Reflection;
using MultiWallet.Checks.Catalog;
using MultiWallet.Model.Graphs;
using MultiWallet.Model.Machines;
using MultiWallet.Model.Prediction;
using MultiWallet.Model.Vocabulary;
using static MultiWallet.Checks.Model.ModelKit;
using static MultiWallet.Checks.Model.PatentExampleChecks;

namespace MultiWallet.Checks.Model;

/// <summary>Checks on the model itself: reachability, exported graphs, transition coverage, perturbations.</summary>
internal static class ModelStructureChecks
{
    [Check("MODEL-REACHABLE", Title = "every state of every machine is reachable from its initial state (GetInfo)",
        Requirements = ["INV-CONFORM"], Kind = CheckKind.Model)]
    public static CheckOutcome Reachable(CheckContext ctx)
    {
        var bad = ModelGraphs.Machines()
            .Select(m => (m.Name, Unreachable: ModelGraphInfo.Unreachable(m.Info, m.InitialState)))
            .Where(x => x.Unreachable.Count > 0)
            .Select(x => $"{x.Name}: {string.Join(", ", x.Unreachable)}")
            .ToList();
        return bad.Count == 0
            ? CheckOutcome.Pass($"{ModelGraphs.Machines().Count} machines, all states reachable")
            : CheckOutcome.Fail("unreachable states: " + string.Join("; ", bad));
    }

    [Check("MODEL-GRAPHS", Title = "DOT and Mermaid exports are non-empty for every machine and every guard is described",
        Requirements = ["INV-CONFORM"], Kind = CheckKind.Model)]
    public static CheckOutcome Graphs(CheckContext ctx)
    {
        var x = new Expectations();
        foreach (var g in ModelGraphs.All())
        {
            x.True($"{g.Name}: DOT empty", g.Dot.Contains("digraph", StringComparison.Ordinal) && g.Dot.Length > 50);
            x.True($"{g.Name}: Mermaid empty", g.Mermaid.Contains("stateDiagram", StringComparison.Ordinal) && g.Mermaid.Length > 30);
            x.True($"{g.Name}: a guard is drawn as 'Function'", !g.Dot.Contains("Function", StringComparison.Ordinal) && !g.Mermaid.Contains("Function", StringComparison.Ordinal));
            var undescribed = g.Info.States.SelectMany(s => s.FixedTransitions)
                .SelectMany(t => t.GuardConditionsMethodDescriptions)
                .Where(d => string.IsNullOrWhiteSpace(d.Description) || d.Description == "Function" || d.Description.Contains('<'))
                .ToList();
            x.True($"{g.Name}: {undescribed.Count} guard(s) without description", undescribed.Count == 0);
        }
        // The evidence report draws every machine from this evidence (checks/Catalog/README.md).
        return x.Result("graphs exported") with { Evidence = [.. ModelGraphs.All().Select(g => new GraphEvidence(g.Name, g.Mermaid, g.Dot))] };
    }

    /// <summary>All hand-written model scenarios (patent examples and edge cases), run for coverage or perturbation.</summary>
    private static IEnumerable<MethodInfo> Scenarios() =>
        new[] { typeof(PatentExampleChecks), typeof(EdgeChecks) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<CheckAttribute>() is not null);

    [Check("MODEL-COVERAGE-EXAMPLES", Title = "the hand-written patent examples and edge cases fire every declared transition of every machine",
        Requirements = ["INV-CONFORM"], Kind = CheckKind.Model)]
    public static CheckOutcome Coverage(CheckContext ctx)
    {
        var coverage = new TransitionCoverage();
        ModelKit.Coverage.Value = coverage;
        try
        {
            foreach (var m in Scenarios()) m.Invoke(null, [ctx]);
        }
        finally { ModelKit.Coverage.Value = null; }
        var unfired = coverage.Unfired().Select(k => k.ToString()).ToList();
        var outcome = unfired.Count == 0
            ? CheckOutcome.Pass($"{coverage.Declared} declared transitions, all fired")
            : CheckOutcome.Fail($"{unfired.Count} of {coverage.Declared} transitions never fired:\n  " + string.Join("\n  ", unfired));
        return outcome with { Evidence = [new TransitionCounts(TransitionRun.Examples, [.. coverage.Counts.Select(c => new TransitionCount(c.Transition, c.Count))])] };
    }

    [Check("MODEL-PERTURBATIONS", Title = "every named perturbation changes at least one prediction of a reference scenario (mutation seam is live)",
        Requirements = ["INV-CONFORM"], Kind = CheckKind.Model)]
    public static CheckOutcome Perturbations(CheckContext ctx)
    {
        // One scenario per perturbation, chosen so the unperturbed model and the perturbed one must differ.
        var scenarios = new Dictionary<Perturbation, (Topology, UserScript, Step[])>
        {
            [Perturbation.E3SelectorIgnoresBrand] = (Client(Embodiment.E3, Sw(1, A), Sw(2, B)) with { Knowledge = new Knowledge.BrandTable(Table(("SW-1", [A]), ("SW-2", [B]))) }, UserScript.Silent, [Wake("1", B)]),
            [Perturbation.MswSkipsErase] = (Master(Embodiment.E8, Msw(), Ssw(1, B)) with { Knowledge = new Knowledge.BrandTable(Table(("SSW-1", [B]))) }, UserScript.Silent, [Wake("1", B)]),
            [Perturbation.ReplayUndetected] = (Client(Embodiment.E6, Sw(1, A)), UserScript.Silent, [Wake("1", A), new Step.Replay(O("1"))]),
            [Perturbation.GatewayIgnoresPiTamper] = (Client(Embodiment.E6, Sw(1, A)), UserScript.Silent, [Wake("1", A, new WakeUpDefect.Tampered(TamperSite.PI))]),
            [Perturbation.MswIgnoresOwnBrand] = (Master(Embodiment.E7, Msw(A), Ssw(1, B)) with { Knowledge = new Knowledge.BrandTable(Table(("SSW-1", [B]))) }, UserScript.Silent, [Wake("1", A)]),
            [Perturbation.NoSkipOnUnreachable] = (Client(Embodiment.E3, Sw(1, A) with { Down = true }, Sw(2, A)) with { Knowledge = new Knowledge.BrandTable(Table(("SW-1", [A]), ("SW-2", [A]))) }, UserScript.Silent, [Wake("1", A)]),
        };
        var x = new Expectations();
        foreach (var p in Perturbation.All)
        {
            if (!scenarios.TryGetValue(p, out var s)) { x.True($"{p}: no reference scenario", false); continue; }
            var (t, u, steps) = s;
            static string Render(IReadOnlyList<StepPrediction> ps) => string.Join("\n", ps.Select(q => q.Trace));
            var plain = Render(Predictor.Predict(t, u, steps));
            var perturbed = Render(Predictor.Predict(t, u, steps, new PredictorOptions(p)));
            x.True($"{p}: perturbed prediction equals the plain one", plain != perturbed);
        }
        return x.Result($"{Perturbation.All.Count} perturbations");
    }
}
