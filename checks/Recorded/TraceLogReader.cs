using System.Collections.Immutable;
using System.Text.Json;
using MultiWallet.Impl.Network;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Recorded;

/// <summary>
/// Reads a recorded trace line by line (bounded memory: one line at a time), turning each into a <see cref="RecordedLine"/>.
/// Blank lines are skipped. A line that is not a JSON object, has an unknown <c>type</c>, or misses or mistypes a field the
/// format requires throws a <see cref="TraceFormatException"/> naming the line and the field; optional fields may be absent.
/// </summary>
public static class TraceLogReader
{
    /// <summary>Longest line accepted (characters): a bound on what one line may cost, far above any honest line.</summary>
    public const int MaxLine = 4 * 1024 * 1024;

    /// <summary>The lines of <paramref name="reader"/>, lazily, in order.</summary>
    public static IEnumerable<RecordedLine> Read(TextReader reader)
    {
        var n = 0;
        while (reader.ReadLine() is { } text)
        {
            n++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (text.Length > MaxLine) throw new TraceFormatException(n, "(line)", $"longer than {MaxLine} characters");
            yield return Parse(text, n);
        }
    }

    /// <summary>One line of text, read as line number <paramref name="line"/>.</summary>
    public static RecordedLine Parse(string text, int line)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 }); }
        catch (JsonException e) { throw new TraceFormatException(line, "(line)", $"not JSON: {e.Message}"); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new TraceFormatException(line, "(line)", "expected a JSON object");
            var f = new JsonFields(doc.RootElement, line);
            return f.Str("type") switch
            {
                "case" => Case(f),
                "step" => new RecordedLine.StepLine(line, f.Int("index"), Step(f)),
                "wakeup" => WakeUp(f),
                "msg" => new RecordedLine.Event(line,
                    new MessageEvent(f.Has("seq") ? f.Int("seq") : 0, new Address(f.Str("from")), new Address(f.Str("to")), f.Str("kind"), f.Map("fields"), f.OptStr("digest") ?? ""),
                    f.Has("body") ? Base64(f, "body") : null),
                "decision" => new RecordedLine.Event(line,
                    new DecisionEvent(f.Has("seq") ? f.Int("seq") : 0, f.Str("actor"), f.Str("what"), f.Map("detail"), f.OptStr("reason") ?? ""), null),
                "outcome" => Outcome(f),
                var t => throw f.Error("type", $"unknown type \"{t}\" (expected case, step, wakeup, msg, decision or outcome)"),
            };
        }
    }

    private static RecordedLine.Case Case(JsonFields f)
    {
        var embodiment = f.Enum<Embodiment>("embodiment");
        var wallets = f.Arr("wallets").Select((w, i) => Wallet(new JsonFields(w.ValueKind == JsonValueKind.Object ? w : throw f.Error($"wallets[{i}]", "expected an object"), f.Line))).ToList();
        var master = f.Has("master") ? Wallet(f.Obj("master")) : null;
        var knowledge = f.Has("knowledge") ? Knowledge(f.Obj("knowledge")) : MultiWallet.Model.Vocabulary.Knowledge.None;
        var merchants = new List<string>();
        var limits = new Dictionary<string, long>(StringComparer.Ordinal);
        if (f.Has("merchants"))
            foreach (var (m, i) in f.Arr("merchants").Select((m, i) => (m, i)))
            {
                var mf = new JsonFields(m.ValueKind == JsonValueKind.Object ? m : throw f.Error($"merchants[{i}]", "expected an object"), f.Line);
                var name = mf.Str("name");
                if (merchants.Contains(name)) throw f.Error($"merchants[{i}].name", $"merchant {name} listed twice");
                merchants.Add(name);
                if (mf.Has("declineAbove")) limits[name] = mf.Long("declineAbove");
            }
        var script = UserScript.Silent;
        if (f.Has("user"))
        {
            var u = f.Obj("user");
            var answers = u.Has("answers")
                ? u.Strings("answers").Select((a, i) => RecordedFormat.ParseAnswer(a) ?? throw u.Error($"user.answers[{i}]", $"\"{a}\" is not pick:NAME, type:TEXT or nothing")).ToList()
                : [];
            script = new UserScript(u.OptStr("preselected"), answers);
        }
        var observed = Observed.All;
        if (f.Has("observed"))
        {
            observed = Observed.None;
            foreach (var o in f.Strings("observed"))
                observed |= RecordedFormat.ObservedNames.TryGetValue(o, out var flag) ? flag : throw f.Error("observed", $"unknown \"{o}\" (expected messages, decisions, outcomes)");
        }
        var clock = MultiWallet.Impl.Crypto.FixedClock.Epoch;
        if (f.OptStr("clock") is { } c && !DateTime.TryParse(c, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out clock))
            throw f.Error("clock", $"\"{c}\" is not an ISO 8601 time");
        return new RecordedLine.Case(f.Line, f.Str("id"), f.OptStr("source") ?? "", new Topology(embodiment, wallets, master) { Knowledge = knowledge, Merchants = merchants, DeclineAboveByMerchant = limits }, script, observed,
            f.Has("setRoot") ? Base64(f, "setRoot") : null, clock);
    }

    private static WalletSpec Wallet(JsonFields w)
    {
        var held = w.Brands("held");
        return new WalletSpec(w.Str("name"), held, w.Has("advertised") ? w.Brands("advertised") : held, w.OptBool("down", false)) { Silent = w.OptBool("silent", false) };
    }

    private static Knowledge Knowledge(JsonFields k) => k.Str("kind") switch
    {
        "none" => MultiWallet.Model.Vocabulary.Knowledge.None,
        "brandTable" => new Knowledge.BrandTable(k.Obj("entries").Properties.ToImmutableDictionary(p => p.Name, p => Brands(k, $"knowledge.entries.{p.Name}", p.Value))),
        "installedWums" => new Knowledge.InstalledWums(k.Obj("entries").Properties.ToImmutableDictionary(p => p.Name, p =>
        {
            var i = new JsonFields(p.Value.ValueKind == JsonValueKind.Object ? p.Value : throw k.Error($"knowledge.entries.{p.Name}", "expected an object"), k.Line);
            return new WumInstall(i.Int("version"), i.Brands("brands"));
        })),
        "sswList" => new Knowledge.SswList(k.Strings("names")),
        var x => throw k.Error("knowledge.kind", $"unknown \"{x}\" (expected none, brandTable, installedWums, sswList)"),
    };

    private static ImmutableSortedSet<Brand> Brands(JsonFields f, string field, JsonElement v) =>
        v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Select(b => b.ValueKind == JsonValueKind.String ? new Brand(b.GetString()!) : throw f.Error(field, "expected brand names"))]
            : throw f.Error(field, "expected an array of brand names");

    private static Step Step(JsonFields f) => f.Str("step") switch
    {
        "InstallWum" => new Step.InstallWum(f.Str("wallet"), f.Int("version"), f.Brands("brands")),
        "ChangeBrands" => new Step.ChangeBrands(f.Str("wallet"), f.Brands("held"), f.Has("advertised") ? f.Brands("advertised") : f.Brands("held")),
        "SetDown" => new Step.SetDown(f.Str("wallet"), f.Bool("down")),
        "Fault" => new Step.Fault(f.Enum<FaultKind>("kind"), f.Enum<FaultPosition>("at")),
        "Crash" => new Step.Crash(f.Enum<CrashParty>("party"), f.Enum<FaultPosition>("after")),
        "Heal" => new Step.Heal(),
        var s => throw f.Error("step", $"unknown step \"{s}\" (expected InstallWum, ChangeBrands, SetDown, Fault, Crash, Heal)"),
    };

    private static RecordedLine.WakeUp WakeUp(JsonFields f)
    {
        var defect = f.OptStr("defect") is { } d ? RecordedFormat.ParseDefect(d) ?? throw f.Error("defect", $"unknown \"{d}\" (expected None, MissingField, Tampered:OI|PI|DualSig|Cert)") : WakeUpDefect.None;
        var wake = new Step.WakeUp(new OrderId(f.Str("merchant"), f.Str("lidM")), new Brand(f.Str("brand")), f.Has("amount") ? f.Long("amount") : 1000, defect);
        return new RecordedLine.WakeUp(f.Line, f.Int("index"), wake, f.OptBool("replay", false));
    }

    private static RecordedLine.OutcomeLine Outcome(JsonFields f) => f.Str("outcome") switch
    {
        "Paid" => new RecordedLine.OutcomeLine(f.Line, new Outcome.Paid(f.Str("wallet"), new Brand(f.Str("brand"))), f.OptStr("xid")),
        "Refused" => new RecordedLine.OutcomeLine(f.Line, new Outcome.Refused(f.Enum<Reason>("reason"), f.OptStr("wallet")), null),
        var o => throw f.Error("outcome", $"unknown \"{o}\" (expected Paid or Refused)"),
    };

    private static byte[] Base64(JsonFields f, string name)
    {
        try { return Convert.FromBase64String(f.Str(name)); }
        catch (FormatException) { throw f.Error(name, "not base64"); }
    }
}
