using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Invariants;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Attacks;

/// <summary>The attack properties (one PROP-* check per invariant over every embodiment it applies to) and the campaign's evidence check.</summary>
public static class AttackChecks
{
    /// <summary>Every attack invariant, in report order.</summary>
    public static readonly IReadOnlyList<AttackInvariant> All =
        [new SecrecyAttackInvariant(), new AgreementAttackInvariant(), new UniformFailureAttackInvariant(), new CustodyAttackInvariant(), new SessionAuthAttackInvariant()];

    /// <summary>The class of a run: embodiment × position × each event kind that fired.</summary>
    internal static IEnumerable<string> Cell(Embodiment e, AttackRun run) =>
        run.Tried.Keys.Select(k => $"{e}/{Positions.Id(run.Case.Attack.Position)}/{k.Split(':')[0]}").DefaultIfEmpty($"{e}/{Positions.Id(run.Case.Attack.Position)}/none");

    /// <summary>
    /// Judges one invariant over the shared tallies (<see cref="AttackCampaign.Tally"/>): the cases and classes of every
    /// embodiment in order, up to and including the first violation, which is shrunk.
    /// </summary>
    public static CheckOutcome Check(CheckContext ctx, AttackInvariant inv)
    {
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        var cases = 0;
        foreach (var e in Campaign.All.Where(inv.Applies))
        {
            var p = AttackCampaign.Tally(ctx, e).Property(inv.CheckId)!;
            cases += p.Cases;
            foreach (var (k, n) in p.Classes) classes[k] = classes.GetValueOrDefault(k) + n;
            if (p.Failure is not { } failure) continue;
            var (small, violation) = AttackCampaign.Shrink(failure.Case, failure.Violation, r => r.Crash ?? inv.Eval(r, new HashSet<string>()), ctx.Seed, ctx.Transport);
            return Violated(ctx, inv.CheckId, e, small, cases, classes, violation, $"{inv.CheckId} violated in {e} after {cases} attacked cases: {violation}");
        }
        var summary = $"{cases} attacked scenarios over {string.Join(",", inv.Embodiments)} ({AttackCampaign.PerEmbodiment(ctx)} per embodiment); classes: " +
                      ClassifiedOutcome.Render(classes.Where(k => !k.Key.StartsWith('E')));
        return ClassifiedOutcome.Of(cases, classes, inv.RequiredFor(AttackCampaign.PerEmbodiment(ctx)), $"seed={ctx.Seed} gamma={Campaign.Gamma} size={Campaign.Size} offset={AttackCampaign.Offset}", summary);
    }

    /// <summary>
    /// How many attacked scenarios a seeded attack fault may take to be caught, whatever the run's budget. The merchant's
    /// substitution of one field (the amount, the order) is one attack in a few hundred, so at 100 cases most seeds missed
    /// FAULT-E4-GATEWAY-IGNORES-AMOUNT (at seeds 1–7 and 4242 it took 27–283 cases), and two concurrent AuthReq copies at the
    /// gateway took up to 612 (FAULT-E2-GATEWAY-XID-CHECK-THEN-ACT, seed 1): the verdict depended on the seed. Detection stops
    /// at the first case that catches the fault, so a fault found early costs what it did.
    /// </summary>
    public const int FaultBudget = 3000;

    /// <summary>
    /// Detection of a seeded attack fault (checks/Faults): the embodiment's attacked scenarios, in the campaign's order, run in a
    /// world built with <paramref name="parts"/> until <paramref name="inv"/> is violated on a case it holds on in the faithful
    /// world; that case is shrunk (each candidate judged the same way). Fails (the fault is caught) with the shrunk attack and
    /// the number of cases it took; passes when none of <see cref="FaultBudget"/> (or the run's own count, if larger) caught it.
    /// </summary>
    public static CheckOutcome Detect(CheckContext ctx, AttackInvariant inv, Embodiment e, EmbodimentWorld.Parts parts)
    {
        var cases = AttackCampaign.Stream(e, ctx.Seed).Take(Math.Max(FaultBudget, AttackCampaign.PerEmbodiment(ctx)));
        string? Caught(AttackRun faulty)
        {
            if (faulty.Inconclusive is not null || (faulty.Crash ?? inv.Eval(faulty, new HashSet<string>())) is not { } v) return null;
            var faithful = AttackRunner.Run(faulty.Case, ctx.Seed, ctx.Transport);
            return faithful.Inconclusive is null && (faithful.Crash ?? inv.Eval(faithful, new HashSet<string>())) is null ? v : null;
        }
        var batch = Environment.ProcessorCount * 2;
        var start = 0;
        // Generated batch by batch as detection needs them, so only one batch of attacked scenarios is held.
        foreach (var window in cases.Chunk(batch))
        {
            var judged = window.AsParallel().AsOrdered()
                .Select(c => { var r = AttackRunner.Run(c, ctx.Seed, ctx.Transport, parts); return (Run: r, Violation: Caught(r)); }).ToList();
            var hit = judged.FindIndex(j => j.Violation is not null);
            if (hit < 0) { start += window.Length; continue; }
            var k = start + hit + 1;
            var (small, violation) = AttackCampaign.Shrink(judged[hit].Run.Case, judged[hit].Violation!, Caught, ctx.Seed, ctx.Transport, parts: parts);
            return new CheckOutcome
            {
                Passed = false,
                CasesRun = k,
                Message = $"{inv.CheckId} violated in {e} after {k} attacked case(s): {violation}",
                Replay = $"{AttackCampaign.Replay(ctx, e)} seed={ctx.Seed}",
                Counterexample = small.ToString(),
                Evidence = [Scenario(inv.CheckId, e, small, violation)],
            };
        }
        return new CheckOutcome { Passed = true, CasesRun = start, Message = $"{inv.CheckId} held over {start} attacked cases of {e}" };
    }

    /// <summary>
    /// The failed outcome of attack check <paramref name="checkId"/>: the (shrunk) attacked scenario logged and shown, with its
    /// replay handle, and carried as a scenario (its attack included) for the evidence's counterexample files.
    /// </summary>
    public static CheckOutcome Violated(CheckContext ctx, string checkId, Embodiment e, AttackedScenario c, int cases, IReadOnlyDictionary<string, int> classes, string violation, string message)
    {
        ctx.Log(c.ToString());
        return new CheckOutcome
        {
            Passed = false,
            CasesRun = cases,
            Classes = classes,
            Message = message,
            Replay = $"{AttackCampaign.Replay(ctx, e)} seed={ctx.Seed} (FsCheck Rnd(seed+embodiment+{AttackCampaign.Offset}, gamma), size)",
            Counterexample = c.ToString(),
            Evidence = [Scenario(checkId, e, c, violation)],
        };
    }

    /// <summary>An attacked counterexample as a scenario of the evidence (in the faithful world; a seeded fault's check names its own).</summary>
    public static CounterexampleScenario Scenario(string checkId, Embodiment e, AttackedScenario c, string violation) =>
        new(checkId, e, c.Scenario.Topology, c.Scenario.Script, c.Scenario.Steps, null, violation) { Attack = c.Attack };

    /// <summary>One property check per attack invariant.</summary>
    [CheckSource]
    public static IEnumerable<CheckEntry> Checks() =>
        All.Select(inv => new CheckEntry(CheckAttribute.Property(inv.CheckId, inv.Title, inv.Requirements, [.. inv.Embodiments]), ctx => Check(ctx, inv)));

    /// <summary>
    /// The campaign's evidence: per embodiment × position, the attack events tried and the properties that held, and the
    /// campaign's cost against the honest one in the same run. Fails only when an embodiment saw no attack event fire.
    /// </summary>
    [Check("ATTACK-CAMPAIGN", Title = "the attacker campaign: attack events tried and invariants held per embodiment × attacker position, and its cost against the honest campaign",
        Requirements = ["INV-SECRECY", "INV-AGREEMENT", "INV-UNIFORM-FAILURE", "INV-SESSION-AUTH", "INV-CUSTODY"], AllEmbodiments = true, Kind = CheckKind.Property)]
    public static CheckOutcome CampaignEvidence(CheckContext ctx)
    {
        var cells = new List<AttackCell>();
        double attackSeconds = 0, honestSeconds = 0;
        int attackCases = 0, honestCases = 0;
        var silent = new List<string>();
        foreach (var e in Campaign.All)
        {
            var attacked = AttackCampaign.Tally(ctx, e);
            var (honest, hsecs) = Campaign.Scenarios(ctx, e);
            (attackSeconds, honestSeconds, attackCases, honestCases) = (attackSeconds + attacked.Seconds, honestSeconds + hsecs, attackCases + attacked.Runs, honestCases + honest);
            if (!attacked.AnyTried) silent.Add(e.ToString());
            // Every position the embodiment has gets a cell, so one that no attack reached shows as such.
            foreach (var position in Positions.For(EmbodimentTraits.Of(e)))
                cells.Add(Judge(e, position, attacked.Cell(position)));
        }
        var steps = cells.SelectMany(c => c.Tried).GroupBy(k => k.Key.Split(':')[0]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Sum(x => x.Value)}");
        var message = $"{attackCases} attacked scenarios beside {honestCases} honest ones (their relative cost is a timing: timings.json); {cells.Count(c => c.Tried.Count > 0)} of {cells.Count} cells reached; steps tried: {string.Join(", ", steps)}";
        return new CheckOutcome
        {
            Passed = silent.Count == 0,
            CasesRun = attackCases,
            Message = silent.Count == 0 ? message : $"no attack event fired in {string.Join(",", silent)}. {message}",
            Replay = $"seed={ctx.Seed} offset={AttackCampaign.Offset}",
            Evidence = [new AttackEvidence(cells, attackCases, attackSeconds, honestCases, honestSeconds)],
        };
    }

    /// <summary>
    /// One cell: the events that fired there and each applicable property's verdict. A property held there only when
    /// some conclusive run of the cell had an event fire and reached one of the property's classes; a property no
    /// such run reached is listed as unexercised, never as held.
    /// </summary>
    private static AttackCell Judge(Embodiment e, AttackPosition position, AttackCellTally? cell)
    {
        List<string> held = [], violated = [], unexercised = [];
        foreach (var inv in All.Where(i => i.Applies(e)))
        {
            var (ok, exercised) = cell?.State(inv.CheckId) ?? (true, false);
            var verdict = !ok ? violated : exercised ? held : unexercised;
            verdict.Add(inv.CheckId);
        }
        return new AttackCell(e.ToString(), Positions.Id(position), cell?.Runs ?? 0, cell?.Tried ?? new Dictionary<string, int>(StringComparer.Ordinal), held, violated, unexercised);
    }
}
