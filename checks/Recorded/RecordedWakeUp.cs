using MultiWallet.Checks.Bridge;
using MultiWallet.Checks.Invariants;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Model.Prediction;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Recorded;

/// <summary>
/// One recorded wake-up with everything a check reads: its case, the world before it (<see cref="WorldState"/>, computed
/// from the header and the steps as the generated invariants compute it), its events and outcome as recorded, the model's
/// prediction, and the recorded events abstracted to the model's vocabulary by the same <see cref="TraceAbstraction"/>
/// the conformance runner uses — each abstract event with the line it came from.
/// </summary>
public sealed class RecordedWakeUp
{
    /// <summary>Detail keys <see cref="TraceAbstraction"/> reads of each decision; a decision without them cannot be abstracted.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Needs = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [TraceDecisions.Chose] = ["choice"],
        [TraceDecisions.Queried] = ["wallet", "brands"],
        [TraceDecisions.Skipped] = ["wallet"],
        [TraceDecisions.Routed] = ["wallet"],
        [TraceDecisions.ProxyHop] = ["to"],
        [TraceDecisions.CredentialReleased] = ["to"],
    };

    private List<AbstractEvent>? abstracted;
    private List<RecordedLine.Event>? kept;
    private int[]? lines;
    private StepPrediction? prediction;
    private string? predictionError;

    /// <summary>A wake-up of <paramref name="header"/>'s case, read at <paramref name="setup"/>.</summary>
    public RecordedWakeUp(RecordedLine.Case header, RecordedLine.WakeUp setup, Step.WakeUp wake, IReadOnlyList<Step> steps, WorldState state, CaseLedger ledger)
    {
        Header = header;
        Setup = setup;
        Wake = wake;
        Steps = steps;
        State = state;
        Ledger = ledger;
    }

    /// <summary>The case header.</summary>
    public RecordedLine.Case Header { get; }
    /// <summary>The wake-up's setup line.</summary>
    public RecordedLine.WakeUp Setup { get; }
    /// <summary>The wake-up itself (for a replay: the replayed order's last wake-up).</summary>
    public Step.WakeUp Wake { get; }
    /// <summary>Whether it replays an earlier wake-up.</summary>
    public bool Replay => Setup.Replay;
    /// <summary>The case's steps up to and including this one.</summary>
    public IReadOnlyList<Step> Steps { get; }
    /// <summary>The environment before the wake-up.</summary>
    public WorldState State { get; }
    /// <summary>What the case remembers across its wake-ups.</summary>
    public CaseLedger Ledger { get; }
    /// <summary>The topology of the case.</summary>
    public Topology Topology => Header.Topology;
    /// <summary>The embodiment's traits.</summary>
    public EmbodimentTraits Traits => Header.Topology.Traits;
    /// <summary>The recorded events, in order.</summary>
    public List<RecordedLine.Event> Events { get; } = [];
    /// <summary>The recorded outcome, or null when none was recorded.</summary>
    public RecordedLine.OutcomeLine? Outcome { get; set; }
    /// <summary>What the recorder observed.</summary>
    public Observed Observed => Header.Observed;
    /// <summary>Whether decisions were observed (routing, offers, custody and authorizations can be judged).</summary>
    public bool SeesDecisions => Observed.HasFlag(Observed.Decisions);
    /// <summary>What could not be judged and why.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The setup line as a witness event.</summary>
    public WitnessEvent SetupWitness => new(Setup.Line, (Replay ? $"Replay({Wake.Order}) of " : "") + Wake);

    /// <summary>The outcome line as a witness event (or the last line of the wake-up when no outcome was recorded).</summary>
    public WitnessEvent EndWitness => Outcome is { } o ? new(o.Line, $"Outcome({o.Outcome})") : Events.Count > 0 ? Witness(Events[^1]) : SetupWitness;

    /// <summary>An event line as a witness event.</summary>
    public static WitnessEvent Witness(RecordedLine.Event e) => new(e.Line, e.Trace.Render());

    /// <summary>The event (or setup line) at <paramref name="line"/> as a witness event.</summary>
    public WitnessEvent WitnessAt(int line) =>
        line != Setup.Line && Events.FirstOrDefault(e => e.Line == line) is { } e ? Witness(e) : SetupWitness;

    /// <summary>The decisions recorded, with their lines.</summary>
    public IEnumerable<(DecisionEvent D, RecordedLine.Event Line)> Decisions =>
        Events.Where(e => e.Trace is DecisionEvent).Select(e => ((DecisionEvent)e.Trace, e));

    /// <summary>The messages recorded, with their lines.</summary>
    public IEnumerable<(MessageEvent M, RecordedLine.Event Line)> Messages =>
        Events.Where(e => e.Trace is MessageEvent).Select(e => ((MessageEvent)e.Trace, e));

    /// <summary>Whether every decision carries the detail the abstraction reads (else the decision side is not compared).</summary>
    public bool DecisionsComplete
    {
        get
        {
            foreach (var (d, line) in Decisions)
                if (Needs.TryGetValue(d.What, out var keys) && keys.FirstOrDefault(k => !d.Detail.ContainsKey(k)) is { } missing
                    && !(d.What == TraceDecisions.Routed && d.Actor.StartsWith("WUM-", StringComparison.Ordinal)))
                {
                    var note = $"line {line.Line}: {d.What} without \"{missing}\": routing and custody decisions of this wake-up not compared with the model";
                    if (!Notes.Contains(note)) Notes.Add(note);
                    return false;
                }
            return true;
        }
    }

    /// <summary>The model's prediction for this wake-up, or null (with <see cref="PredictionError"/>) when the model could not predict.</summary>
    public StepPrediction? Prediction
    {
        get
        {
            if (prediction is null && predictionError is null)
            {
                try { prediction = Predictor.Predict(Topology, Header.Script, Steps)[^1]; }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException or KeyNotFoundException) { predictionError = $"{e.GetType().Name}: {e.Message}"; }
            }
            return prediction;
        }
    }

    /// <summary>Why the model could not predict this wake-up, or null.</summary>
    public string? PredictionError { get { _ = Prediction; return predictionError; } }

    /// <summary>The implementation outcome the recorded outcome stands for (a placeholder when none was recorded).</summary>
    private PaymentOutcome RawOutcome => Outcome?.Outcome switch
    {
        MultiWallet.Model.Vocabulary.Outcome.Paid p => new Paid(p.Wallet, p.Brand.Name, Outcome.Xid ?? "", ""),
        MultiWallet.Model.Vocabulary.Outcome.Refused r => new Refused(Enum.Parse<RefusalReason>(r.Reason.ToString()), r.Wallet, ""),
        _ => new Refused(RefusalReason.ProtocolError, null, "no outcome recorded"),
    };

    /// <summary>
    /// The recorded events abstracted to the model's vocabulary (the final outcome event excluded). Decisions the recorder did
    /// not observe, or that lack the detail the abstraction reads, are left out: the comparison then covers the messages only
    /// (ConformCheck projects the model's side the same way).
    /// </summary>
    public IReadOnlyList<AbstractEvent> Abstracted
    {
        get
        {
            if (abstracted is not null) return abstracted;
            kept = Events.Where(e => e.Trace is MessageEvent || (SeesDecisions && DecisionsComplete)).ToList();
            return abstracted = Abstract(kept.Select(e => e.Trace).ToList(), Prediction?.Events);
        }
    }

    /// <summary>
    /// The line abstract event <paramref name="index"/> came from: the last event of the shortest prefix of the events whose
    /// abstraction has that event at that position (the setup line for the wake-up itself). Computed when a witness needs it.
    /// </summary>
    public int LineOf(int index)
    {
        var all = Abstracted;
        if (lines is null)
        {
            var events = kept!.Select(e => e.Trace).ToList();
            var whys = Prediction?.Events;
            lines = new int[all.Count];
            var found = new bool[all.Count];
            var missing = all.Count - 1;
            for (var k = 1; k <= events.Count && missing > 0; k++)
            {
                var prefix = Abstract(events.GetRange(0, k), whys);
                for (var i = 1; i < prefix.Count && i < all.Count; i++)
                    if (!found[i] && prefix[i].Equals(all[i])) { found[i] = true; lines[i] = kept![k - 1].Line; missing--; }
            }
            for (var i = 0; i < all.Count; i++) if (!found[i] || i == 0) lines[i] = Setup.Line;
        }
        return lines[index];
    }

    private List<AbstractEvent> Abstract(IReadOnlyList<TraceEvent> events, IReadOnlyList<AbstractEvent>? whys)
    {
        var list = TraceAbstraction.Abstract(Topology.Embodiment, Wake, events, RawOutcome, whys).ToList();
        list.RemoveAt(list.Count - 1);
        return list;
    }
}
