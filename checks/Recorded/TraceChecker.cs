using MultiWallet.Checks.Invariants;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Recorded;

/// <summary>
/// Checks a recorded trace streaming: it reads the lines in order, keeps one case (its header, steps, the world state and
/// the ledger) and one wake-up at a time, and judges each wake-up as soon as the next setup line (or the file's end) closes
/// it, with every <see cref="IRecordedCheck"/> in order. It yields one <see cref="OrderVerdict"/> per order when its case
/// ends. A line out of place (an event before any wake-up, a step index out of sequence, a replay of an unseen order, a
/// second outcome) is a <see cref="TraceFormatException"/>, like a malformed line.
/// <code>
///   var checker = new TraceChecker();
///   foreach (var v in checker.Check(TraceLogReader.Read(reader))) ...   // then checker.Summary
/// </code>
/// </summary>
public sealed class TraceChecker
{
    private int cases, orders, wakeUps, events, diverging;

    /// <summary>The rules, in order: invariants first (a more specific statement), the model comparison last.</summary>
    public static IReadOnlyList<IRecordedCheck> NewChecks() =>
        [new RouteSoundCheck(), new OfferCheck(), new OnceCheck(), new CustodyCheck(), new DualSigCheck(), new ConformCheck()];

    /// <summary>Totals so far (complete once <see cref="Check"/> has been enumerated to the end).</summary>
    public TraceCheckSummary Summary => new(cases, orders, wakeUps, events, diverging);

    /// <summary>The verdict of every order of <paramref name="lines"/>, case by case.</summary>
    public IEnumerable<OrderVerdict> Check(IEnumerable<RecordedLine> lines)
    {
        var checks = NewChecks();
        CaseRun? run = null;
        foreach (var line in lines)
        {
            switch (line)
            {
                case RecordedLine.Case header:
                    if (run is not null) foreach (var v in Close(run, checks)) yield return v;
                    run = new CaseRun(header);
                    cases++;
                    break;
                case RecordedLine.StepLine s:
                    Require(run, s.Line).Close(checks);
                    run!.Step(s.Index, s.Step, s.Line);
                    break;
                case RecordedLine.WakeUp w:
                    Require(run, w.Line).Close(checks);
                    run!.Open(w);
                    wakeUps++;
                    break;
                case RecordedLine.Event e:
                    Require(run, e.Line).Current(e.Line, "an event").Events.Add(e);
                    events++;
                    break;
                case RecordedLine.OutcomeLine o:
                    var current = Require(run, o.Line).Current(o.Line, "an outcome");
                    if (current.Outcome is not null) throw new TraceFormatException(o.Line, "type", $"a second outcome for the wake-up at line {current.Setup.Line}");
                    current.Outcome = o;
                    break;
            }
        }
        if (run is not null) foreach (var v in Close(run, checks)) yield return v;
    }

    private static CaseRun Require(CaseRun? run, int line) =>
        run ?? throw new TraceFormatException(line, "type", "a line before the first case header (\"type\":\"case\")");

    private IEnumerable<OrderVerdict> Close(CaseRun run, IReadOnlyList<IRecordedCheck> checks)
    {
        run.Close(checks);
        foreach (var v in run.Verdicts())
        {
            orders++;
            if (!v.Conforms) diverging++;
            yield return v;
        }
    }

    /// <summary>One case being read: its steps so far, the world state, the ledger, the open wake-up and the orders' verdicts.</summary>
    private sealed class CaseRun(RecordedLine.Case header)
    {
        private readonly List<Step> steps = [];
        private readonly WorldState state = new(header.Topology);
        private readonly CaseLedger ledger = new();
        private readonly Dictionary<OrderId, Step.WakeUp> last = [];
        private readonly Dictionary<OrderId, (int WakeUps, TraceFinding? First, List<string> Notes, IReadOnlyList<string> Broken)> byOrder = [];
        private readonly List<OrderId> seen = [];
        private RecordedWakeUp? open;

        public void Step(int index, Step step, int line)
        {
            Expect(index, line);
            steps.Add(step);
            state.Apply(step);
        }

        public void Open(RecordedLine.WakeUp w)
        {
            Expect(w.Index, w.Line);
            Step.WakeUp wake;
            if (w.Replay)
            {
                if (!last.TryGetValue(w.Wake.Order, out var replayed)) throw new TraceFormatException(w.Line, "replay", $"a replay of order {w.Wake.Order}, which no earlier wake-up of the case named");
                wake = replayed;
                steps.Add(new Step.Replay(w.Wake.Order));
            }
            else
            {
                wake = w.Wake;
                steps.Add(wake);
            }
            last[wake.Order] = wake;
            open = new RecordedWakeUp(header, w, wake, [.. steps], state, ledger);
        }

        public RecordedWakeUp Current(int line, string what) =>
            open ?? throw new TraceFormatException(line, "type", $"{what} outside a wake-up (no \"type\":\"wakeup\" line before it in this case)");

        public void Close(IReadOnlyList<IRecordedCheck> checks)
        {
            if (open is not { } w) return;
            open = null;
            // Every check runs to its end (the ledger it keeps must see the whole wake-up); its first finding counts.
            var findings = checks.Select(c => c.Check(w).ToList().FirstOrDefault()).OfType<TraceFinding>().ToList();
            var invariant = findings.Where(f => f.Requirement != "INV-CONFORM").OrderBy(f => f.At).FirstOrDefault();
            var first = invariant ?? findings.FirstOrDefault();
            if (!byOrder.TryGetValue(w.Wake.Order, out var o)) { seen.Add(w.Wake.Order); o = (0, null, [], []); }
            foreach (var n in w.Notes) if (!o.Notes.Contains(n)) o.Notes.Add(n);
            byOrder[w.Wake.Order] = o.First is null && first is not null
                ? (o.WakeUps + 1, first, o.Notes, [first.Requirement, .. findings.Select(f => f.Requirement).Where(r => r != first.Requirement)])
                : (o.WakeUps + 1, o.First, o.Notes, o.Broken);
        }

        public IEnumerable<OrderVerdict> Verdicts() =>
            seen.Select(order => byOrder[order] is var o ? new OrderVerdict(header.Id, header.Line, header.Topology.Embodiment, order, o.WakeUps, o.First, o.Notes) { Broken = o.Broken } : null!);

        private void Expect(int index, int line)
        {
            if (index != steps.Count) throw new TraceFormatException(line, "index", $"step index {index} where {steps.Count} was expected (steps are numbered from 0, each once, in order)");
        }
    }
}
