using System.Globalization;
using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Evidence;

/// <summary>
/// The flat key/value form of a check's typed evidence that evidence.json carries under <c>facts</c>
/// (<c>trace.text</c>, <c>graph.&lt;machine&gt;.mermaid</c>, <c>fault.description</c>, <c>coverage.…</c>, …), so
/// readers of that file keep one stable shape whatever payload types the catalog grows. Wall-clock figures (the attacker
/// campaign's seconds) are not facts: they go to timings.json, so the same run gives the same facts.
/// </summary>
public static class FactRendering
{
    /// <summary>Every payload's facts, in payload order; a later key wins.</summary>
    public static IReadOnlyDictionary<string, string> Flatten(IEnumerable<IEvidence> evidence)
    {
        var facts = new Dictionary<string, string>();
        foreach (var e in evidence)
            foreach (var (k, v) in Facts(e))
                facts[k] = v;
        return facts;
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<(string Key, string Value)> Facts(IEvidence e)
    {
        switch (e)
        {
            case TraceEvidence t:
                var p = t.Label is null ? "trace." : $"trace.{t.Label}.";
                yield return (p + "text", t.Text);
                yield return (p + "mermaid", t.Mermaid);
                if (t.Scenario is not null) yield return (p + "scenario", t.Scenario);
                break;
            case GraphEvidence g:
                yield return ($"graph.{g.Machine}.mermaid", g.Mermaid);
                yield return ($"graph.{g.Machine}.dot", g.Dot);
                break;
            case TransitionCounts tc:
                foreach (var (t, count) in tc.Counts)
                    yield return (tc.Run == TransitionRun.Generated
                        ? $"coverage.{t.Machine}.{t.Source}--{t.Trigger}-->{t.Destination}"
                        : t.ToString(), N(count));
                break;
            case PerturbationCount pc:
                yield return ($"perturbation.{pc.Perturbation}", N(pc.Caught));
                break;
            case FaultDetection f:
                yield return ("fault.description", f.Description);
                yield return ("fault.detectedBy", f.DetectedBy ?? "");
                yield return ("fault.casesToDetect", N(f.CasesToDetect));
                yield return ("fault.counterexample", f.Counterexample ?? "");
                break;
            case FaultTally ft:
                yield return ($"fault.{ft.FaultId}", ft.DetectedBy is null ? "missed" : $"{ft.DetectedBy} after {N(ft.CasesToDetect)}");
                break;
            case AttackEvidence a:
                yield return ("attack.cases", N(a.AttackCases));
                yield return ("attack.honestCases", N(a.HonestCases));
                foreach (var g in a.Cells.SelectMany(c => c.Tried).GroupBy(t => t.Key.Split(':')[0], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
                    yield return ($"attack.steps.{g.Key}", N(g.Sum(t => t.Value)));
                foreach (var c in a.Cells)
                    yield return ($"attack.{c.Embodiment}.{c.Position}",
                        $"cases={N(c.Cases)}; tried={string.Join(",", c.Tried.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={N(t.Value)}"))}; " +
                        $"held={string.Join(",", c.Held)}; violated={string.Join(",", c.Violated)}; unexercised={string.Join(",", c.Unexercised)}");
                break;
            case ExhaustiveEvidence x:
                yield return ("exhaustive.bound", x.Bound);
                yield return ("exhaustive.cases", N(x.Cases));
                yield return ("exhaustive.run", N(x.Run));
                foreach (var r in x.Embodiments)
                    yield return ($"exhaustive.{r.Embodiment}", $"cases={N(r.Cases)}; withBrandRenamings={N(r.RawCases)}; run={N(r.Run)}");
                foreach (var i in x.Invariants)
                    yield return ($"exhaustive.{i.Id}",
                        $"judged={N(i.Judged)}; classes={string.Join(",", i.Classes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={N(c.Value)}"))}; " +
                        $"unreached={string.Join(",", i.Unreached)}; firstViolation={i.FirstViolation ?? "none"}");
                break;
            case ExhaustiveFaultFinding f:
                yield return ($"exhaustive.fault.{f.FaultId}",
                    $"firstCase={(f.FirstCase is { } k ? N(k) : "none")}; casesRun={N(f.CasesRun)}; detectedBy={f.DetectedBy ?? "none"}; " +
                    $"randomCasesToDetect={N(f.RandomCasesToDetect)}; outOfBound={f.OutOfBound ?? "no"}");
                break;
            case UncoveredRequirement u:
                yield return ($"uncovered.{u.Id}", u.Title);
                break;
            default:
                yield return (e.GetType().Name, e.ToString() ?? "");
                break;
        }
    }
}
