using MultiWallet.Audit.Scenarios;
using MultiWallet.Checks.Attacks;
using MultiWallet.Checks.Bridge;
using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Faults;
using MultiWallet.Checks.Generators;
using MultiWallet.Checks.Invariants;
using MultiWallet.Impl.Network;
using MultiWallet.Model.Prediction;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Audit.Commands;

/// <summary>Runs a parsed scenario: the model's prediction and the implementation through the bridge, and holds the file's expectations against both.</summary>
public static class ScenarioExecution
{
    /// <summary>The routing decisions a report lists as look-ups (every kind of knowledge read, and what routing made of it).</summary>
    private static readonly HashSet<string> LookupKinds =
    [
        TraceDecisions.Queried, TraceDecisions.Offered, TraceDecisions.Chose, TraceDecisions.Routed, TraceDecisions.Skipped,
        TraceDecisions.Refused, TraceDecisions.RefuseWakeUp, TraceDecisions.Unreachable, TraceDecisions.UnknownAddress, TraceDecisions.BrandNotHeld,
    ];

    /// <summary>Runs <paramref name="sc"/> in the faithful world, or in its seeded fault's world when the file names one.</summary>
    public static ScenarioRun Run(ScenarioDocument sc, int seed)
    {
        var parts = sc.SeededFault is { } id ? SeededFaults.All.Single(f => f.Id == id).Parts : null;
        if (sc.Attack is { } attack) return RunAttacked(sc, attack, seed, parts);
        var result = ConformanceRunner.Run(sc.Topology, sc.User, sc.Steps, seed, parts, recordOrders: true);
        var predictions = Predictor.Predict(sc.Topology, sc.User, sc.Steps).ToDictionary(p => p.StepIndex);
        var reports = result.WakeUps.Select(w => WakeUpReport.FromBridge(w) with
        {
            Expectations = Expect(sc, predictions[w.StepIndex], w),
            Time = new WakeUpTime(w.Started, w.Ended, (w.Ended - w.Started).TotalMilliseconds),
            State = State(w.Facts),
            Lookups = w.Events.OfType<DecisionEvent>().Where(d => LookupKinds.Contains(d.What)).Select(d => d.Render()).ToList(),
            AnswersBound = sc.BoundAnswers?.GetValueOrDefault(w.StepIndex),
            AnswersUsed = sc.BoundAnswers is null ? null : w.Abstracted.OfType<AbstractEvent.Chose>().Count(),
        }).ToList();
        // A hang ends the run: its step is reported as a disagreement naming the blocked wait, found on virtual time.
        if (result.Hang is { } hang)
        {
            var predicted = predictions[hang.StepIndex];
            reports.Add(new WakeUpReport(hang.StepIndex, hang.Step.ToString(), "Hang", null, null, [], false, hang.Divergence,
                predicted.Events.Select(e => e.ToString()).ToList(), ModelOutcome: predicted.Outcome.ToString())
            { Expectations = Expect(sc, predicted, null) });
        }
        var setup = result.Setup.Where(s => s.StepIndex >= 0 || s.Trace.Count > 0)
            .Select(s => new SetupEvent(s.StepIndex, s.Step?.ToString() ?? "set-up", s.Trace))
            .Concat(result.Heals.Select(h => new SetupEvent(h.StepIndex, "Heal",
                [$"merchant swept {h.Swept} order(s)", .. h.Resolved.OrderBy(r => r.Key, NaturalOrder.Instance).Select(r => $"PC resolved {r.Key}: {TraceAbstraction.ToModel(r.Value)}")],
                h.Divergence)))
            .OrderBy(s => s.Step).ToList();
        var mode = "implementation (in-memory, virtual time, real cryptography) against the model"
                   + (sc.SeededFault is { } f ? $"; the implementation has the seeded fault {f}" : "");
        return new ScenarioRun(reports, setup, mode) { Invariants = Judge(sc, result) };
    }

    /// <summary>
    /// An attacked file is one case of the attacker campaign: the attack runner plays the steps with the attacker on the wire,
    /// and the attack properties that apply to the embodiment judge it. The model is not compared (it predicts an honest
    /// network); the file's expectations are held against what the user's PC was told and the gateway's authorizations.
    /// </summary>
    private static ScenarioRun RunAttacked(ScenarioDocument sc, Attack attack, int seed, MultiWallet.Impl.World.EmbodimentWorld.Parts? parts)
    {
        var run = AttackRunner.Run(new AttackedScenario(new GeneratedScenario(sc.Topology, sc.User, sc.Steps), attack), seed, parts: parts);
        var wakeSteps = sc.Steps.Select((st, i) => (st, i)).Where(x => x.st is Step.WakeUp or Step.Replay).ToList();
        var reports = run.Purchases.Zip(wakeSteps, (p, w) =>
        {
            var outcome = p.Outcome.StartsWith("Paid(", StringComparison.Ordinal) ? "Paid"
                : p.Outcome.StartsWith("Refused(", StringComparison.Ordinal) ? p.Outcome["Refused(".Length..^1]
                : p.Outcome.StartsWith("hang", StringComparison.Ordinal) ? "Hang" : p.Outcome;
            var authorizations = run.AuthorizationsPerOrder.GetValueOrDefault(MultiWallet.Checks.Bridge.ImplBuilder.Key(p.Merchant, p.LidM));
            var results = new List<ExpectationResult>();
            if (sc.Expectations.TryGetValue(w.i, out var x))
            {
                void Add(string field, string? expected, string actual) { if (expected is not null) results.Add(new ExpectationResult(field, x.Line, expected, null, actual)); }
                Add("outcome", x.Outcome, outcome);
                Add("wallet", x.Wallet, p.Wallet ?? Expectation.None);
                Add("brand", x.Brand, p.Brand);
                Add("authorizations", x.Authorizations?.ToString(System.Globalization.CultureInfo.InvariantCulture), authorizations.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            return new WakeUpReport(w.i, w.st.ToString(), outcome, p.Wallet, p.Brand, [], null, null, [], RawOutcome: p.Outcome)
            { Expectations = results };
        }).ToList();
        var verdicts = AttackChecks.All.Where(i => i.Applies(sc.Topology.Embodiment))
            .Select(i => new InvariantVerdict(i.CheckId["PROP-".Length..], run.Crash ?? run.Inconclusive ?? i.Eval(run, new HashSet<string>(StringComparer.Ordinal)))).ToList();
        var mode = $"attacked implementation (in-memory, virtual time, real cryptography), attacker at {Positions.Id(attack.Position)}; judged by the attack properties, not compared with the model (it predicts an honest network)"
                   + (sc.SeededFault is { } f ? $"; the implementation has the seeded fault {f}" : "");
        return new ScenarioRun(reports, [], mode)
        {
            Invariants = verdicts,
            Attack = new AttackReport(Positions.Id(attack.Position), [.. attack.Events.Select(e => e.ToString())],
                run.Tried.OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
                run.AuthorizationsPerOrder.OrderBy(a => a.Key, NaturalOrder.Instance).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal),
                run.Releases.Count, run.HeldAtEnd, run.HeldAfterBound, run.Leaks, run.Sessions.Count),
        };
    }

    /// <summary>Every applicable invariant of the generated suite on this run: the file is one more case of the campaign.</summary>
    public static IReadOnlyList<InvariantVerdict> Judge(ScenarioDocument sc, ConformanceResult result)
    {
        var c = new Case(new GeneratedScenario(sc.Topology, sc.User, sc.Steps), result, null);
        return [.. MultiWallet.Checks.Invariants.Invariants.AllInvariants.Where(i => i.Applies(sc.Topology.Embodiment))
            .Select(i => new InvariantVerdict(i.Id, i.Eval(c, new HashSet<string>(StringComparer.Ordinal))))];
    }

    /// <summary>The step's expectations, and (answers bound to wake-ups) whether it consumed exactly its own answers.</summary>
    private static IReadOnlyList<ExpectationResult> Expect(ScenarioDocument sc, StepPrediction model, WakeUpConformance? impl)
    {
        var list = new List<ExpectationResult>();
        if (sc.Expectations.TryGetValue(model.StepIndex, out var x)) list.AddRange(ExpectationCheck.Evaluate(x, model, impl));
        if (sc.BoundAnswers?.GetValueOrDefault(model.StepIndex) is { } bound)
        {
            static string Used(IEnumerable<AbstractEvent> e) => e.OfType<AbstractEvent.Chose>().Count().ToString(System.Globalization.CultureInfo.InvariantCulture);
            list.Add(new ExpectationResult("answers", sc.StepLines.GetValueOrDefault(model.StepIndex), bound.ToString(System.Globalization.CultureInfo.InvariantCulture), Used(model.Events), impl is null ? null : Used(impl.Abstracted)));
        }
        return list;
    }

    private static WakeUpState State(WakeUpFacts f) => new(
        (f.Orders ?? new Dictionary<string, OrderFacts>()).OrderBy(o => o.Key, NaturalOrder.Instance)
            .Select(o => new OrderState(o.Key, o.Value.Merchant, o.Value.Gateway, o.Value.Standing)).ToList(),
        f.TotalAuthorizations,
        f.MswAcquiredCredentialsHeld,
        f.CustodianReleases.OrderBy(c => c.Key, NaturalOrder.Instance).Select(c => new CustodianReleases(c.Key, c.Value)).ToList());
}
