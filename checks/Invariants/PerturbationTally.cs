using MultiWallet.Model.Machines;
using MultiWallet.Model.Prediction;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>
/// The model's mutation test folded over the campaign: for every conforming, conclusive case, each
/// <see cref="Perturbation"/> of the model predicts the case again and is caught when the prediction diverges from
/// the implementation's run (or the perturbed model throws, or exhausts its own step budget). Keeps counts and the
/// first catching case by index per perturbation; merges associatively like <see cref="PropertyTally"/>.
/// </summary>
public sealed class PerturbationTally
{
    private readonly Dictionary<string, (int Caught, int Index, string? Example)> byName = new(StringComparer.Ordinal);

    /// <summary>Conforming, conclusive cases every perturbation was tried on.</summary>
    public int Conforming { get; private set; }

    /// <summary>Per perturbation (in <see cref="Perturbation.All"/> order): conforming cases it was caught on and the first of them (by case index), or null.</summary>
    public IReadOnlyList<(string Name, int Caught, string? Example)> Results =>
        [.. Perturbation.All.Select(p => byName.TryGetValue(p.Name, out var v) ? (p.Name, v.Caught, v.Example) : (p.Name, 0, (string?)null))];

    /// <summary>Tries every perturbation on one executed case (conforming, conclusive cases only).</summary>
    public void Observe(Case c, int index)
    {
        if (c.Result is not { Agrees: true, Inconclusive: null } r) return;
        Conforming++;
        foreach (var p in Perturbation.All)
            // Never asked about by the faithful prediction: the perturbed one is the same, conforms, and is not caught.
            if (c.AskedPerturbations?.WasAsked(p) != false && Caught(c, r.WakeUps, p) is { } why) Count(p.Name, 1, index, () => c.Scenario + why);
    }

    /// <summary>Adds another tally over a disjoint set of cases (the example kept is the one of the lower index).</summary>
    public void Merge(PerturbationTally other)
    {
        Conforming += other.Conforming;
        foreach (var (name, v) in other.byName) Count(name, v.Caught, v.Index, () => v.Example);
    }

    /// <summary>Per perturbation caught at least once: its catches, the index of its first catching case and that case's example (for <see cref="TallyJson"/>).</summary>
    internal IReadOnlyList<(string Name, int Caught, int Index, string? Example)> Catches =>
        [.. byName.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value.Caught, kv.Value.Index, kv.Value.Example))];

    /// <summary>Restores a serialized tally (<see cref="TallyJson"/>).</summary>
    internal void Restore(int conforming, IEnumerable<(string Name, int Caught, int Index, string? Example)> catches)
    {
        Conforming = conforming;
        foreach (var (name, caught, index, example) in catches) Count(name, caught, index, () => example);
    }

    /// <summary>Adds catches; the example is rendered only when its case is the lowest-indexed one so far.</summary>
    private void Count(string name, int caught, int index, Func<string?> example)
    {
        if (!byName.TryGetValue(name, out var cur)) { byName[name] = (caught, index, example()); return; }
        byName[name] = index < cur.Index ? (cur.Caught + caught, index, example()) : (cur.Caught + caught, cur.Index, cur.Example);
    }

    /// <summary>Why the perturbed model is caught on the case (appended to the case's readable form: empty for a divergence), or null when it still conforms.</summary>
    private static string? Caught(Case c, IReadOnlyList<Bridge.WakeUpConformance> wakeUps, Perturbation p)
    {
        IReadOnlyList<StepPrediction> predicted;
        // Non-termination is the model's own step budget (deterministic), never elapsed time.
        try { predicted = Predictor.Predict(c.Scenario.Topology, c.Scenario.Script, c.Scenario.Steps, new PredictorOptions(p)); }
        catch (ModelDidNotTerminate ex) { return "\n(perturbed model did not terminate: " + ex.Message + ")"; }
        catch (Exception ex) { return "\n(perturbed model threw " + ex.GetType().Name + ")"; }
        var diverges = wakeUps.Any(w =>
        {
            var q = predicted.First(x => x.StepIndex == w.StepIndex);
            return q.Outcome != w.ImplOutcome || !Lines(q.Events).SequenceEqual(Lines(w.Abstracted));
        });
        return diverges ? "" : null;
    }

    /// <summary>Event lines with Routed's why-text dropped (only decider and wallet are compared).</summary>
    private static IEnumerable<string> Lines(IEnumerable<AbstractEvent> events) =>
        events.Select(e => e is AbstractEvent.Routed r ? $"Routed({r.Decider}, {r.Wallet})" : e.ToString());
}
