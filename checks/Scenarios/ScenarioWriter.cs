using System.Globalization;
using System.Text;
using System.Text.Json;
using MultiWallet.Checks.Catalog;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Audit.Scenarios;

/// <summary>
/// Writes a scenario in the file format <see cref="ScenarioFile"/> reads (the inverse of the parser, for counterexamples):
/// every free text is a JSON string (a valid YAML double-quoted scalar), so any name or title survives the round trip.
/// </summary>
public static class ScenarioWriter
{
    /// <summary>The file text of a scenario: optional title and seeded fault, topology, user script, steps, and the attack played against them.</summary>
    public static string Write(Topology t, UserScript user, IReadOnlyList<Step> steps, string? title = null, string? seededFault = null,
        MultiWallet.Checks.Attacks.Attack? attack = null)
    {
        var sb = new StringBuilder();
        if (title is not null) sb.Append("title: ").AppendLine(Q(title.Length > ScenarioLimits.MaxScalarLength ? title[..(ScenarioLimits.MaxScalarLength - 3)] + "..." : title));
        sb.Append("embodiment: ").AppendLine(t.Embodiment.ToString());
        if (seededFault is not null) sb.Append("fault: ").AppendLine(Q(seededFault));
        if (t.Master is { } m) sb.Append("master: ").AppendLine(Wallet(m, withName: false));
        sb.AppendLine("wallets:");
        foreach (var w in t.Wallets) sb.Append("  - ").AppendLine(Wallet(w, withName: true));
        if (Knowledge(t) is { } k) sb.AppendLine("knowledge:").Append("  ").AppendLine(k);
        if (t.Merchants.Count > 0)
        {
            sb.AppendLine("merchants:");
            foreach (var id in t.Merchants)
                sb.Append("  - {name: ").Append(Q(id))
                  .Append(t.DeclineAboveByMerchant.TryGetValue(id, out var own) ? ", declineAbove: " + own.ToString(CultureInfo.InvariantCulture) : "").AppendLine("}");
        }
        var gateway = new[]
        {
            t.DeclineAbove is { } limit ? "declineAbove: " + limit.ToString(CultureInfo.InvariantCulture) : null,
            t.DeclineAboveByBrand.Count == 0 ? null : "declineAboveByBrand: {" + string.Join(", ", t.DeclineAboveByBrand.OrderBy(b => b.Key.Name, StringComparer.Ordinal)
                .Select(b => $"{Q(b.Key.Name)}: {b.Value.ToString(CultureInfo.InvariantCulture)}")) + "}",
        }.OfType<string>().ToList();
        if (gateway.Count > 0) sb.Append("gateway: {").Append(string.Join(", ", gateway)).AppendLine("}");
        if (user.Preselected is not null || user.Answers.Count > 0)
        {
            sb.AppendLine("user:");
            if (user.Preselected is not null) sb.Append("  preselected: ").AppendLine(Q(user.Preselected));
            if (user.Answers.Count > 0) sb.Append("  answers: [").Append(string.Join(", ", user.Answers.Select(Answer))).AppendLine("]");
        }
        sb.AppendLine("steps:");
        foreach (var s in steps) sb.Append("  - ").AppendLine(Step(s));
        if (attack is not null) sb.AppendLine(AttackFile.Write(attack, Q));
        return sb.ToString();
    }

    private static string Q(string s) => JsonSerializer.Serialize(s);

    /// <summary>An order as the parser reads it: a LID alone for the first merchant's, MERCHANT/LID for any other's.</summary>
    private static string Order(OrderId o) => o.Merchant == ScenarioFile.DefaultMerchant ? o.LidM : o.ToString();

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Q)) + "]";

    private static string Brands(IEnumerable<Brand> b) => List(b.Select(x => x.Name));

    private static string Wallet(WalletSpec w, bool withName) =>
        "{" + string.Join(", ", new[]
        {
            withName ? $"name: {Q(w.Name)}" : null,
            $"held: {Brands(w.Held)}",
            w.Advertised.SetEquals(w.Held) ? null : $"advertised: {Brands(w.Advertised)}",
            w.Down ? "down: true" : null,
            w.Silent ? "silent: true" : null,
        }.OfType<string>()) + "}";

    /// <summary>The knowledge under the one key the embodiment reads, or null when it starts with none.</summary>
    private static string? Knowledge(Topology t)
    {
        if (t.Knowledge.Wallets.Count == 0) return null;
        var key = ScenarioFile.KnowledgeKeys.First(k => k.Kind == t.Traits.Knowledge && k.Holder == t.Traits.Holder).Key;
        return $"{key}: {KnowledgeValue(t.Knowledge)}";
    }

    /// <summary>A knowledge value as a flow collection: a brand table or installed WUMs as a mapping, an SSW list as a list.</summary>
    private static string KnowledgeValue(Model.Vocabulary.Knowledge k) => k switch
        {
            Model.Vocabulary.Knowledge.BrandTable b => "{" + string.Join(", ", b.Entries.OrderBy(e => e.Key, NaturalOrder.Instance).Select(e => $"{Q(e.Key)}: {Brands(e.Value)}")) + "}",
            Model.Vocabulary.Knowledge.InstalledWums w => "{" + string.Join(", ", w.Entries.OrderBy(e => e.Key, NaturalOrder.Instance)
                .Select(e => $"{Q(e.Key)}: {{version: {e.Value.Version.ToString(CultureInfo.InvariantCulture)}, brands: {Brands(e.Value.Brands)}}}")) + "}",
            _ => List(k.Ssws),
        };

    private static string Answer(UserAnswer a) => a switch
    {
        UserAnswer.Pick p => $"{{pick: {Q(p.Name)}}}",
        UserAnswer.TypeAddress x => $"{{type: {Q(x.Text)}}}",
        _ => "nothing",
    };

    private static string Defect(WakeUpDefect d) => d switch
    {
        WakeUpDefect.MissingField => "missingField",
        WakeUpDefect.Tampered { Where: var w } => "tampered" + w,
        _ => "none",
    };

    private static string Step(Step s) => s switch
    {
        Model.Vocabulary.Step.WakeUp w => $"wakeUp: {{order: {Q(Order(w.Order))}, brand: {Q(w.Brand.Name)}, amount: {w.Amount.ToString(CultureInfo.InvariantCulture)}, defect: {Defect(w.Defect)}"
            + (w.ClientInfo is { } ci ? $", clientInfo: {KnowledgeValue(ci)}" : "") + "}",
        Model.Vocabulary.Step.SetSilent q => $"setSilent: {{wallet: {Q(q.Wallet)}, silent: {(q.Silent ? "true" : "false")}}}",
        Model.Vocabulary.Step.SetKnowledge k => $"setKnowledge: {KnowledgeValue(k.Knowledge)}",
        Model.Vocabulary.Step.Replay r => $"replay: {Q(Order(r.Order))}",
        Model.Vocabulary.Step.InstallWum i => $"installWum: {{wallet: {Q(i.Wallet)}, version: {i.Version.ToString(CultureInfo.InvariantCulture)}, brands: {Brands(i.Brands)}}}",
        Model.Vocabulary.Step.ChangeBrands c => $"changeBrands: {{wallet: {Q(c.Wallet)}, held: {Brands(c.Held)}, advertised: {Brands(c.Advertised)}}}",
        Model.Vocabulary.Step.SetDown d => $"setDown: {{wallet: {Q(d.Wallet)}, down: {(d.Down ? "true" : "false")}}}",
        Model.Vocabulary.Step.Fault f => $"fault: {{kind: {f.Kind}, at: {f.At}}}",
        Model.Vocabulary.Step.Crash c => $"crash: {{party: {c.Party}, after: {c.After}}}",
        Model.Vocabulary.Step.Heal => "heal",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, "a step the format does not name"),
    };
}
