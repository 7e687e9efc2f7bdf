using MultiWallet.Checks.Catalog;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>The INV-* properties: one catalog entry per invariant, over all the embodiments it applies to.</summary>
internal static class InvariantChecks
{
    /// <summary>
    /// An invariant's verdict derived from the shared campaign's tallies (no scenario re-runs); on a violation the first
    /// failing case (in embodiment order, then by case index) is shrunk. Inconclusive cases (<see cref="Case.Inconclusive"/>)
    /// are counted in <see cref="Campaign.InconclusiveClass"/> and judged by no invariant.
    /// </summary>
    public static InvariantRun Run(CheckContext ctx, Invariant inv, IEnumerable<Embodiment>? only = null)
    {
        var campaign = Campaign.Result(ctx);
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        int cases = 0, before = 0; double seconds = 0;
        PropertyTally? failed = null;
        foreach (var e in (only ?? Campaign.All).Where(inv.Applies))
        {
            var embodiment = campaign.Of(e);
            var tally = embodiment.Property(inv.Id)!;
            seconds += embodiment.Seconds;
            cases += tally.Cases;
            foreach (var (k, v) in tally.Classes) classes[k] = classes.GetValueOrDefault(k) + v;
            if (tally.Inconclusive > 0) classes[Campaign.InconclusiveClass] = classes.GetValueOrDefault(Campaign.InconclusiveClass) + tally.Inconclusive;
            if (failed is null && tally.Failure is not null) failed = tally;
            else if (failed is null) before += tally.Cases;
        }
        if (failed?.Failure is not { } f) return new InvariantRun(inv, false, cases, null, null, null, 0, null, classes, cases, seconds);
        var (small, violation, _) = Campaign.Shrink(f.Scenario, f.Violation, x => inv.Eval(x, new HashSet<string>()), ctx.Seed, null);
        return new InvariantRun(inv, true, before + failed.CasesToDetect, f.Embodiment, violation, small.ToString(), small.Size, $"{Campaign.Replay(ctx, f.Embodiment)} case #{f.Index}", classes, cases, seconds) { Scenario = small };
    }

    /// <summary>The catalog check of one invariant.</summary>
    public static CheckOutcome Check(CheckContext ctx, Invariant inv)
    {
        var r = Run(ctx, inv);
        if (r.Violated)
        {
            ctx.Log(r.Counterexample!);
            return new CheckOutcome
            {
                Passed = false,
                CasesRun = r.Cases,
                Classes = r.Classes,
                Message = $"{inv.Id} violated in {r.Embodiment} after {r.CasesToDetect} cases: {r.Violation}",
                Replay = $"{r.Replay} seed={ctx.Seed} (FsCheck Rnd(seed+embodiment, gamma), size)",
                Counterexample = r.Counterexample,
                Evidence = r.Scenario is { } sc ? [new CounterexampleScenario("PROP-" + inv.Id, r.Embodiment!.Value, sc.Topology, sc.Script, sc.Steps, null, r.Violation!)] : [],
            };
        }
        var required = inv.RequiredFor(Campaign.PerEmbodiment(ctx));
        var inconclusive = r.Classes.GetValueOrDefault(Campaign.InconclusiveClass);
        var excluded = inconclusive == 0 ? "" : $" ({inconclusive} more inconclusive: a wall-clock limit over HTTP fired; excluded from judgement — environment, rerun on a quieter machine)";
        var summary = $"{r.Cases} scenarios{excluded} over {string.Join(",", inv.Embodiments)}; shared campaign, {Campaign.PerEmbodiment(ctx)} per embodiment; classes: " +
                      string.Join(", ", r.Classes.Where(k => !k.Key.StartsWith('E')).OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}"));
        return ClassifiedOutcome.Of(r.Cases, r.Classes, required, $"seed={ctx.Seed} gamma={Campaign.Gamma} size={Campaign.Size}", summary);
    }

    /// <summary>One PROP-&lt;id&gt; property check per invariant, built from the invariant itself.</summary>
    [CheckSource]
    public static IEnumerable<CheckEntry> Checks() =>
        Invariants.AllInvariants.Select(inv => new CheckEntry(CheckAttribute.Property("PROP-" + inv.Id, inv.Title, inv.Requirements, [.. inv.Embodiments]), ctx => Check(ctx, inv)));
}
