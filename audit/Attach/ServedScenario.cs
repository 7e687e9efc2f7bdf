using MultiWallet.Audit.Scenarios;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;
using YamlDotNet.Serialization;

namespace MultiWallet.Audit.Attach;

/// <summary>
/// The scenario file (scenarios/README.md format) of what `serve` serves: its topology, the user's answers and
/// the example's wake-ups plus a replay, so that `check FILE --attach URL` can be run at once, and the file
/// edited (more wake-ups, other brands, other answers) to watch other purchases.
/// </summary>
public static class ServedScenario
{
    public static string Yaml(string title, TopologyConfig t, IReadOnlyList<string?> answers, IReadOnlyList<string> brands)
    {
        var file = new Dictionary<string, object> { ["title"] = title, ["embodiment"] = t.Embodiment };
        if (t.Master is { } m) file["master"] = new Dictionary<string, object> { ["held"] = m.Held };
        file["wallets"] = t.Wallets.Select(w => new Dictionary<string, object> { ["name"] = w.Name, ["held"] = w.Held }).ToList();
        var traits = EmbodimentTraits.Of(Enum.Parse<Embodiment>(t.Embodiment));
        var knowledge = ScenarioFile.KnowledgeKeys.Where(k => k.Kind == traits.Knowledge && k.Holder == traits.Holder)
            .Select(k => new Dictionary<string, object> { [k.Key] = Value(t.Knowledge) }).FirstOrDefault();
        if (knowledge is not null) file["knowledge"] = knowledge;
        var user = new Dictionary<string, object>();
        var rest = answers;
        if (traits.Asks == UserPrompt.AtSetUp) { user["preselected"] = answers[0]!; rest = answers.Skip(1).ToList(); }
        if (rest.Count > 0)
            user["answers"] = rest.Select(a => (object)(a is null ? "nothing" : new Dictionary<string, object> { [traits.Asks == UserPrompt.TypedAddress ? "type" : "pick"] = a })).ToList();
        if (user.Count > 0) file["user"] = user;
        var steps = brands.Select((b, i) => (object)new Dictionary<string, object> { ["wakeUp"] = new Dictionary<string, object> { ["order"] = $"W-{i + 1}", ["brand"] = b } }).ToList();
        steps.Add(new Dictionary<string, object> { ["replay"] = "W-1" });
        file["steps"] = steps;
        return new SerializerBuilder().Build().Serialize(file);
    }

    /// <summary>The knowledge as the scenario format writes it.</summary>
    private static object Value(KnowledgeConfig k) => k switch
    {
        KnowledgeConfig.InstalledWums w => w.Entries.ToDictionary(e => e.Wallet, e => (object)new Dictionary<string, object> { ["version"] = e.Version, ["brands"] = e.Brands }),
        KnowledgeConfig.SswList l => l.Names,
        _ => k.Table.ToDictionary(b => b.Wallet, b => (object)b.Brands),
    };
}
