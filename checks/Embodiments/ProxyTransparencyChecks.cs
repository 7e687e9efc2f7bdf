using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Embodiments;

/// <summary>
/// INV-PROXY-TRANSPARENT on the fixed patent case: a purchase proxied through the master wallet's virtual
/// WUM must put on the merchant's wire exactly the bytes of a direct WUM–SSW session (same seed, same
/// order), and give the client the same result. Any rewrite by the proxy — even of a field the signature
/// would catch later — shows up here as a byte difference.
/// </summary>
internal static class ProxyTransparencyChecks
{
    [Check("PROXY-TRANSPARENT-FIXED", Title = "E7, E9–E12: the merchant receives byte-identical SET messages through the MSW proxy as in a direct WUM–SSW session; same outcome",
        Requirements = ["INV-PROXY-TRANSPARENT", "E7", "E9", "E10", "E11", "E12", "C8", "C10", "C11", "C12", "C13"],
        Embodiments = [Embodiment.E7, Embodiment.E9, Embodiment.E10, Embodiment.E11, Embodiment.E12])]
    public static CheckOutcome Fixed(CheckContext ctx)
    {
        var (directOutcome, direct) = Direct(ctx.Seed);
        if (directOutcome is not Paid) return CheckOutcome.Fail($"direct session not paid: {directOutcome}");
        // Each proxied session builds its own world from the seed, so the five run side by side; AsOrdered keeps the report's order.
        var problems = Proxied().AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount).SelectMany(p =>
        {
            var (embodiment, topology, answers) = p;
            var found = new List<string>();
            var world = new PaymentWorld(ctx.Seed);
            var e = EmbodimentWorld.Build(world, topology, new ScriptedUser(answers));
            var outcome = e.PayAsync(world.WakeUp("ORD-1", "BrandB")).GetAwaiter().GetResult();
            var seen = world.Merchant.Received.Select(m => (m.Kind, Convert.ToHexString(m.Body))).ToList();
            if (!outcome.Equals(directOutcome)) found.Add($"{embodiment}: outcome {outcome} differs from direct {directOutcome}");
            if (seen.Count != direct.Count) found.Add($"{embodiment}: merchant received {seen.Count} messages, direct {direct.Count}");
            for (var i = 0; i < Math.Min(seen.Count, direct.Count); i++)
                if (seen[i] != direct[i]) { found.Add($"{embodiment}: message {i + 1} ({seen[i].Kind}) differs from the direct session's {direct[i].Kind}"); break; }
            return found;
        }).ToList();
        return problems.Count == 0
            ? CheckOutcome.Pass($"{direct.Count} merchant-bound messages ({string.Join(" ", direct.Select(d => d.Kind))}) byte-identical across direct, E7, E9, E10, E11, E12; outcome {directOutcome}")
            : CheckOutcome.Fail(string.Join("\n", problems));
    }

    private static (PaymentOutcome, List<(string Kind, string Hex)>) Direct(int seed)
    {
        var world = new PaymentWorld(seed);
        world.AddServerWallet("SSW-1", "BrandB");
        var outcome = world.NewWum("SSW-1").PayAsync(world.WakeUp("ORD-1", "BrandB")).GetAwaiter().GetResult();
        return (outcome, world.Merchant.Received.Select(m => (m.Kind, Convert.ToHexString(m.Body))).ToList());
    }

    private static IEnumerable<(string, TopologyConfig, string?[])> Proxied()
    {
        WalletConfig ssw = new("SSW-1", ["BrandB"]), msw = new("MSW", ["BrandA"]);
        yield return ("E7", new("E7", [ssw], msw) { Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", ["BrandB"])]) }, []);
        yield return ("E9", new("E9", [ssw], msw) { Knowledge = new KnowledgeConfig.SswList(["SSW-1"]) }, ["SSW-1"]);
        yield return ("E10", new("E10", [ssw], msw), ["ssw://SSW-1"]);
        yield return ("E11", new("E11", [ssw], msw) { Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", ["BrandB"])]) }, []);
        yield return ("E12", new("E12", [ssw], msw) { Knowledge = new KnowledgeConfig.SswList(["SSW-1"]) }, ["SSW-1"]);
    }
}
