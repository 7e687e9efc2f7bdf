using System.Text.Json.Nodes;

namespace MultiWallet.Audit.Bundle;

/// <summary>
/// The in-toto test-result v0.1 predicate of a `verify --sut` run: its result, the command and the system under test as
/// configuration, and the embodiments whose honest and attacked cases all held, were inconclusive, or failed.
/// </summary>
public static class SutResultPredicate
{
    /// <summary>The predicate of a run whose sut.json is <paramref name="sut"/>, made by <paramref name="command"/>.</summary>
    public static JsonObject Of(JsonObject sut, string command)
    {
        var embodiments = sut["embodiments"]!.AsArray().Select(e => e!.AsObject()).ToList();
        static int N(JsonNode? n) => n is null ? 0 : (int)n;
        bool Failed(JsonObject e) => N(e["violated"]) + N(e["protocolFailures"]) + N(e["attacks"]?["violated"]) + N(e["attacks"]?["protocolFailures"]) > 0;
        bool Warned(JsonObject e) => !Failed(e) && N(e["inconclusive"]) + N(e["attacks"]?["inconclusive"]) > 0;
        JsonArray Ids(Func<JsonObject, bool> f) => new([.. embodiments.Where(f).Select(e => (JsonNode)JsonValue.Create((string)e["embodiment"]!)!)]);
        var verdict = (string?)sut["verdict"];
        return new JsonObject
        {
            ["result"] = verdict == "fails" ? "FAILED" : verdict == "inconclusive" ? "WARNED" : "PASSED",
            ["configuration"] = new JsonArray(
                new JsonObject { ["name"] = "command", ["annotations"] = new JsonObject { ["command"] = command } },
                new JsonObject { ["name"] = "system-under-test", ["annotations"] = sut["sut"]!.DeepClone() }),
            ["passedTests"] = Ids(e => !Failed(e) && !Warned(e)),
            ["warnedTests"] = Ids(Warned),
            ["failedTests"] = Ids(Failed),
        };
    }
}
