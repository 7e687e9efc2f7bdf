using MultiWallet.Impl.World;
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
        var table = (t.BrandInfo ?? []).ToDictionary(b => b.Wallet, b => (object)b.Brands);
        var knowledge = t.Embodiment switch
        {
            "E3" => new Dictionary<string, object> { ["selectorTable"] = table },
            "E4" => new Dictionary<string, object> { ["installedWums"] = (t.InstalledWums ?? []).ToDictionary(w => w.Wallet, w => (object)new Dictionary<string, object> { ["version"] = w.Version, ["brands"] = w.Brands }) },
            "E7" or "E8" => new Dictionary<string, object> { ["masterBrandInfo"] = table },
            "E9" => new Dictionary<string, object> { ["masterSswInfo"] = t.SswInfo ?? [] },
            "E11" => new Dictionary<string, object> { ["clientBrandInfo"] = table },
            "E12" => new Dictionary<string, object> { ["clientSswInfo"] = t.SswInfo ?? [] },
            _ => null,
        };
        if (knowledge is not null) file["knowledge"] = knowledge;
        var user = new Dictionary<string, object>();
        var rest = answers;
        if (t.Embodiment == "E1") { user["preselected"] = answers[0]!; rest = answers.Skip(1).ToList(); }
        if (rest.Count > 0)
            user["answers"] = rest.Select(a => (object)(a is null ? "nothing" : new Dictionary<string, object> { [t.Embodiment == "E10" ? "type" : "pick"] = a })).ToList();
        if (user.Count > 0) file["user"] = user;
        var steps = brands.Select((b, i) => (object)new Dictionary<string, object> { ["wakeUp"] = new Dictionary<string, object> { ["order"] = $"W-{i + 1}", ["brand"] = b } }).ToList();
        steps.Add(new Dictionary<string, object> { ["replay"] = "W-1" });
        file["steps"] = steps;
        return new SerializerBuilder().Build().Serialize(file);
    }
}
