using System.Text;
using System.Text.Json;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Recorded;

/// <summary>
/// Writes a recorded trace in the JSON Lines format of docs/protocol/trace-format.md: a case header, then each step
/// of the case in order (a wake-up line followed by the wake-up's messages, decisions and outcome). Each call writes
/// whole lines under one lock, so a case written by one caller is never cut by another's lines. Bodies are written only
/// for the message kinds given (by default the PReq, which the dual-signature check reads), to keep logs small.
/// </summary>
public sealed class TraceLogWriter : IDisposable
{
    /// <summary>The message kinds whose bodies are written by default: the purchase request, whose dual signature a checker verifies.</summary>
    public static readonly IReadOnlySet<string> PurchaseRequestBodies = new HashSet<string>(StringComparer.Ordinal) { "PReq" };

    private readonly TextWriter output;
    private readonly bool owns;
    private readonly IReadOnlySet<string> bodyKinds;
    private readonly Lock gate = new();

    /// <summary>A writer onto <paramref name="output"/> (left open on dispose unless <paramref name="ownsOutput"/>).</summary>
    public TraceLogWriter(TextWriter output, IReadOnlySet<string>? bodyKinds = null, bool ownsOutput = false)
    {
        this.output = output;
        owns = ownsOutput;
        this.bodyKinds = bodyKinds ?? PurchaseRequestBodies;
    }

    /// <summary>A writer creating (or replacing) the file at <paramref name="path"/>.</summary>
    public static TraceLogWriter Create(string path, IReadOnlySet<string>? bodyKinds = null) =>
        new(new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" }, bodyKinds, ownsOutput: true);

    /// <summary>Lines written so far.</summary>
    public int Lines { get; private set; }

    /// <summary>Writes the header of a case: everything the model needs to predict its orders.</summary>
    public void Case(string id, string source, Topology topology, UserScript script, Observed observed = Observed.All, byte[]? setRoot = null, DateTime? clock = null) =>
        Write(Line(w =>
        {
            w.WriteString("type", "case");
            w.WriteString("id", id);
            w.WriteString("source", source);
            w.WriteString("embodiment", topology.Embodiment.ToString());
            w.WriteStartArray("wallets");
            foreach (var x in topology.Wallets) Wallet(w, x);
            w.WriteEndArray();
            if (topology.Master is { } m) { w.WritePropertyName("master"); Wallet(w, m); }
            w.WritePropertyName("knowledge");
            Knowledge(w, topology.Knowledge);
            if (topology.Merchants.Count > 0)
            {
                w.WriteStartArray("merchants");
                foreach (var id in topology.Merchants)
                {
                    w.WriteStartObject();
                    w.WriteString("name", id);
                    if (topology.DeclineAboveByMerchant.TryGetValue(id, out var limit)) w.WriteNumber("declineAbove", limit);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteStartObject("user");
            if (script.Preselected is { } p) w.WriteString("preselected", p);
            w.WriteStartArray("answers");
            foreach (var a in script.Answers) w.WriteStringValue(RecordedFormat.Answer(a));
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartArray("observed");
            foreach (var o in RecordedFormat.ObservedNames.Where(o => observed.HasFlag(o.Value))) w.WriteStringValue(o.Key);
            w.WriteEndArray();
            if (setRoot is not null) w.WriteString("setRoot", Convert.ToBase64String(setRoot));
            if (clock is { } c) w.WriteString("clock", c.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }));

    /// <summary>Writes a step that changes the world (anything but a wake-up or a replay).</summary>
    public void Step(int index, Step step) => Write(Line(w =>
    {
        w.WriteString("type", "step");
        w.WriteNumber("index", index);
        switch (step)
        {
            case MultiWallet.Model.Vocabulary.Step.InstallWum i:
                w.WriteString("step", "InstallWum"); w.WriteString("wallet", i.Wallet); w.WriteNumber("version", i.Version); BrandList(w, "brands", i.Brands); break;
            case MultiWallet.Model.Vocabulary.Step.ChangeBrands c:
                w.WriteString("step", "ChangeBrands"); w.WriteString("wallet", c.Wallet); BrandList(w, "held", c.Held); BrandList(w, "advertised", c.Advertised); break;
            case MultiWallet.Model.Vocabulary.Step.SetDown d:
                w.WriteString("step", "SetDown"); w.WriteString("wallet", d.Wallet); w.WriteBoolean("down", d.Down); break;
            case MultiWallet.Model.Vocabulary.Step.Fault f:
                w.WriteString("step", "Fault"); w.WriteString("kind", f.Kind.ToString()); w.WriteString("at", f.At.ToString()); break;
            case MultiWallet.Model.Vocabulary.Step.Crash c:
                w.WriteString("step", "Crash"); w.WriteString("party", c.Party.ToString()); w.WriteString("after", c.After.ToString()); break;
            case MultiWallet.Model.Vocabulary.Step.Heal:
                w.WriteString("step", "Heal"); break;
            case MultiWallet.Model.Vocabulary.Step.WakeUp or MultiWallet.Model.Vocabulary.Step.Replay:
                throw new ArgumentException($"{step} is a wake-up: write it with WakeUp", nameof(step));
            default:
                // Steps only an auditor's scenario file writes (knowledge changed by a step, a wallet made silent by a step): the generated
                // campaign and `serve`, which are what writes recorded traces, never take them (docs/protocol/trace-format.md).
                throw new NotSupportedException($"the recorded-trace format has no line for {step} (a scenario-file step; see trace-format.md, \"Not in the format\")");
        }
    }));

    /// <summary>
    /// Writes one wake-up: its setup line, its events (bodies attached from <paramref name="sent"/>, the requests as sent,
    /// matched by digest) and its outcome (none when <paramref name="outcome"/> is null: not observed).
    /// </summary>
    public void WakeUp(int index, Step.WakeUp wake, bool replay, IEnumerable<TraceEvent> events, PaymentOutcome? outcome, IEnumerable<NetMessage>? sent = null)
    {
        var bodies = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var m in sent ?? [])
            if (bodyKinds.Contains(m.Kind)) bodies.TryAdd(m.Kind + "#" + TraceLog.Digest(m.Body), m.Body);
        var sb = new StringBuilder();
        sb.Append(Line(w =>
        {
            w.WriteString("type", "wakeup");
            w.WriteNumber("index", index);
            w.WriteString("merchant", wake.Order.Merchant);
            w.WriteString("lidM", wake.Order.LidM);
            w.WriteString("brand", wake.Brand.Name);
            w.WriteNumber("amount", wake.Amount);
            w.WriteString("defect", RecordedFormat.Defect(wake.Defect));
            w.WriteBoolean("replay", replay);
        }));
        foreach (var e in events) sb.Append(Line(w => Event(w, e, bodies)));
        if (outcome is not null) sb.Append(Line(w => Outcome(w, outcome)));
        Write(sb.ToString());
    }

    private static void Event(Utf8JsonWriter w, TraceEvent e, Dictionary<string, byte[]> bodies)
    {
        switch (e)
        {
            case MessageEvent m:
                w.WriteString("type", "msg");
                w.WriteNumber("seq", m.Seq);
                w.WriteString("from", m.From.Value);
                w.WriteString("to", m.To.Value);
                w.WriteString("kind", m.Kind);
                Map(w, "fields", m.Fields);
                w.WriteString("digest", m.Digest);
                if (bodies.TryGetValue(m.Kind + "#" + m.Digest, out var body)) w.WriteString("body", Convert.ToBase64String(body));
                break;
            case DecisionEvent d:
                w.WriteString("type", "decision");
                w.WriteNumber("seq", d.Seq);
                w.WriteString("actor", d.Actor);
                w.WriteString("what", d.What);
                Map(w, "detail", d.Detail);
                if (d.Reason.Length > 0) w.WriteString("reason", d.Reason);
                break;
            default:
                throw new ArgumentException($"unknown trace event {e.GetType().Name}", nameof(e));
        }
    }

    private static void Outcome(Utf8JsonWriter w, PaymentOutcome o)
    {
        w.WriteString("type", "outcome");
        switch (o)
        {
            case Paid p:
                w.WriteString("outcome", "Paid"); w.WriteString("wallet", p.Wallet); w.WriteString("brand", p.Brand);
                if (p.Xid.Length > 0) w.WriteString("xid", p.Xid);
                break;
            case Refused r:
                w.WriteString("outcome", "Refused"); w.WriteString("reason", r.Reason.ToString());
                if (r.Wallet is not null) w.WriteString("wallet", r.Wallet);
                break;
            default:
                throw new ArgumentException($"unknown outcome {o}", nameof(o));
        }
    }

    private static void Wallet(Utf8JsonWriter w, WalletSpec s)
    {
        w.WriteStartObject();
        w.WriteString("name", s.Name);
        BrandList(w, "held", s.Held);
        BrandList(w, "advertised", s.Advertised);
        if (s.Down) w.WriteBoolean("down", true);
        if (s.Silent) w.WriteBoolean("silent", true);
        w.WriteEndObject();
    }

    private static void Knowledge(Utf8JsonWriter w, Knowledge k)
    {
        w.WriteStartObject();
        switch (k)
        {
            case MultiWallet.Model.Vocabulary.Knowledge.BrandTable b:
                w.WriteString("kind", "brandTable");
                w.WriteStartObject("entries");
                foreach (var (name, brands) in b.Entries.OrderBy(e => e.Key, StringComparer.Ordinal)) BrandList(w, name, brands);
                w.WriteEndObject();
                break;
            case MultiWallet.Model.Vocabulary.Knowledge.InstalledWums i:
                w.WriteString("kind", "installedWums");
                w.WriteStartObject("entries");
                foreach (var (name, install) in i.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    w.WriteStartObject(name);
                    w.WriteNumber("version", install.Version);
                    BrandList(w, "brands", install.Brands);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                break;
            case MultiWallet.Model.Vocabulary.Knowledge.SswList s:
                w.WriteString("kind", "sswList");
                w.WriteStartArray("names");
                foreach (var n in s.Names) w.WriteStringValue(n);
                w.WriteEndArray();
                break;
            default:
                w.WriteString("kind", "none");
                break;
        }
        w.WriteEndObject();
    }

    private static void BrandList(Utf8JsonWriter w, string name, IEnumerable<Brand> brands)
    {
        w.WriteStartArray(name);
        foreach (var b in brands) w.WriteStringValue(b.Name);
        w.WriteEndArray();
    }

    private static void Map(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0) return;
        w.WriteStartObject(name);
        foreach (var (k, v) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal)) w.WriteString(k, v);
        w.WriteEndObject();
    }

    private static string Line(Action<Utf8JsonWriter> body)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, RecordedFormat.WriterOptions))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    private void Write(string lines)
    {
        lock (gate)
        {
            output.Write(lines);
            Lines += lines.Count(c => c == '\n');
        }
    }

    /// <summary>Flushes what was written.</summary>
    public void Flush() { lock (gate) output.Flush(); }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (gate)
        {
            output.Flush();
            if (owns) output.Dispose();
        }
    }
}
