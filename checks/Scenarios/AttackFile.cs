using MultiWallet.Checks.Attacks;
using MultiWallet.Model.Vocabulary;
using YamlDotNet.RepresentationModel;

namespace MultiWallet.Audit.Scenarios;

/// <summary>
/// The `attack:` block of a scenario file: the attacker's position (a docs/THREATS.md id) and its steps, each an event of
/// the attacker campaign (kind, the message kind it aims at, its parameter). Only what the campaign's generator can draw
/// for that position and embodiment is accepted (<see cref="AttackGen.Targets"/>), so a file states exactly a case of the
/// campaign and a shrunk attack counterexample is a file.
/// </summary>
internal static class AttackFile
{
    /// <summary>The parser's field readers the block is read with (messages name file, line and field).</summary>
    internal interface IFieldReader
    {
        ScenarioException Err(YamlNode node, string field, string message);
        YamlMappingNode Map(YamlNode n, string field);
        YamlSequenceNode Seq(YamlNode n, string field, int max = ScenarioLimits.MaxItems);
        string Scalar(YamlNode n, string field);
        int Int(YamlNode n, string field, int min);
        Dictionary<string, (YamlNode Key, YamlNode Value)> Fields(YamlMappingNode m, string field, params string[] allowed);
        (YamlNode Key, YamlNode Value) Required(Dictionary<string, (YamlNode Key, YamlNode Value)> d, YamlNode owner, string field, string key);
    }

    /// <summary>Why fault, crash and heal steps are refused beside an attack (the campaign leaves them out the same way).</summary>
    public const string NoFaults = "not in a file with `attack:`: the attacker is the only adversary there (its Drop, Delay, Duplicate and Concurrent steps take the place of faults)";

    /// <summary>The expectation fields an attacked run observes: the user's outcome and the gateway's authorizations.</summary>
    public static readonly string[] ExpectKeys = ["outcome", "wallet", "brand", "authorizations"];

    /// <summary>The largest event parameter the generator draws (which bit, which field, how many probe variants).</summary>
    public const int MaxParam = 999;

    private const string F = "attack";

    /// <summary>Reads <c>attack: {position, steps: [{kind, at, param}]}</c> for embodiment <paramref name="e"/>.</summary>
    public static Attack Read(YamlNode n, Embodiment e, IFieldReader r)
    {
        var traits = EmbodimentTraits.Of(e);
        var d = r.Fields(r.Map(n, F), F, "position", "steps");
        var pn = r.Required(d, n, F, "position").Value;
        var positions = Positions.For(traits);
        var id = r.Scalar(pn, $"{F}.position");
        var position = positions.Where(p => Positions.Id(p) == id).Select(p => (AttackPosition?)p).FirstOrDefault()
            ?? throw r.Err(pn, $"{F}.position", Enum.GetValues<AttackPosition>().Any(p => Positions.Id(p) == id)
                ? $"'{id}' does not exist in {e} (positions: {string.Join(", ", positions.Select(Positions.Id))})"
                : $"unknown position '{id}' (expected one of {string.Join(", ", positions.Select(Positions.Id))}; docs/THREATS.md)");
        var sn = r.Required(d, n, F, "steps").Value;
        var steps = r.Seq(sn, $"{F}.steps");
        if (steps.Children.Count == 0) throw r.Err(sn, $"{F}.steps", "at least one attack step");
        var events = new List<AttackEvent>();
        for (var i = 0; i < steps.Children.Count; i++)
        {
            var f = $"{F}.steps[{i}]";
            var c = steps.Children[i];
            var sd = r.Fields(r.Map(c, f), f, "kind", "at", "param");
            var kn = r.Required(sd, c, f, "kind").Value;
            var ks = r.Scalar(kn, $"{f}.kind");
            var kinds = Positions.Kinds(position);
            if (!Enum.TryParse<AttackKind>(ks, ignoreCase: false, out var kind) || !Enum.IsDefined(kind) || char.IsDigit(ks[0]))
                throw r.Err(kn, $"{f}.kind", $"unknown attack step '{ks}' (expected {string.Join(", ", Enum.GetNames<AttackKind>())})");
            if (!kinds.Contains(kind))
                throw r.Err(kn, $"{f}.kind", $"{Positions.Id(position)} does not play {kind} (it plays {string.Join(", ", kinds)})");
            var an = r.Required(sd, c, f, "at").Value;
            var at = r.Scalar(an, $"{f}.at");
            var targets = AttackGen.Targets(position, kind, traits);
            if (!targets.Contains(at, StringComparer.Ordinal))
                throw r.Err(an, $"{f}.at", $"{kind} at {Positions.Id(position)} in {e} aims at {string.Join(", ", targets)}, not '{at}'");
            var param = 0;
            if (sd.TryGetValue("param", out var pv))
            {
                param = r.Int(pv.Value, $"{f}.param", 0);
                if (param > MaxParam) throw r.Err(pv.Value, $"{f}.param", $"at most {MaxParam}");
            }
            events.Add(new AttackEvent(kind, at, param));
        }
        return new Attack(position, events);
    }

    /// <summary>The block as the writer prints it (flow style, every free text quoted).</summary>
    public static string Write(Attack a, Func<string, string> quote) =>
        $"attack: {{position: {quote(Positions.Id(a.Position))}, steps: [" +
        string.Join(", ", a.Events.Select(e => $"{{kind: {e.Kind}, at: {quote(e.Target)}, param: {e.Param.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}")) + "]}";
}
