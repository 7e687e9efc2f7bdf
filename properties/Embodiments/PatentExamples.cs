using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;
using MultiWallet.Properties.Catalog;

namespace MultiWallet.Properties.Embodiments;

/// <summary>
/// The patent's own example for each embodiment, run end to end with real cryptography. Expectations are
/// written from SPEC.md's embodiment table, not from the implementation's output: SW-1 can pay brand A
/// and SW-2 brand B (E1–E6); the MSW holds brand A and SSW-1 brand B (E7–E12).
/// </summary>
internal static class PatentExamples
{
    private static readonly WalletConfig Sw1 = new("SW-1", ["BrandA"]);
    private static readonly WalletConfig Sw2 = new("SW-2", ["BrandB"]);
    private static readonly WalletConfig Msw = new("MSW", ["BrandA"]);
    private static readonly WalletConfig Ssw1 = new("SSW-1", ["BrandB"]);

    private static CheckOutcome Run(CheckContext ctx, TopologyConfig t, IEnumerable<string?> answers, params (string Brand, string Expect)[] wakeUps)
    {
        var world = new PaymentWorld(ctx.Seed);
        var e = EmbodimentWorld.Build(world, t, new ScriptedUser(answers));
        var problems = new List<string>();
        var i = 0;
        foreach (var (brand, expect) in wakeUps)
        {
            var outcome = e.PayAsync(world.WakeUp($"ORD-{++i}", brand)).GetAwaiter().GetResult();
            var got = outcome switch { Paid p => $"Paid({p.Wallet}, {p.Brand})", Refused r => $"Refused({r.Reason}, {r.Wallet})", _ => "?" };
            if (got != expect) problems.Add($"wake-up {i} ({brand}): expected {expect}, got {outcome}");
        }
        var auths = world.Gateway.TotalAuthorizations;
        var paid = wakeUps.Count(w => w.Expect.StartsWith("Paid"));
        if (auths != paid) problems.Add($"gateway authorized {auths} times, expected {paid}");
        ctx.Log(world.Trace.Render());
        return problems.Count == 0 ? CheckOutcome.Pass($"{t.Embodiment}: {string.Join("; ", wakeUps.Select(w => $"{w.Brand} -> {w.Expect}"))}")
            : CheckOutcome.Fail(string.Join("\n", problems));
    }

    [Check("EXAMPLE-E1", Title = "E1: the user registers SW-1 before paying; A is paid by SW-1, B is refused by SW-1 (never paid with another brand)",
        Requirements = ["E1", "C1", "C2", "INV-ROUTE-SOUND", "INV-OFFER"], Embodiments = ["E1"])]
    public static CheckOutcome E1(CheckContext ctx) => Run(ctx, new("E1", [Sw1, Sw2]), ["SW-1"],
        ("BrandA", "Paid(SW-1, BrandA)"), ("BrandB", "Refused(BrandNotHeld, SW-1)"));

    [Check("EXAMPLE-E2", Title = "E2: the user picks SW-1 for A and SW-2 for B at wake-up; both paid",
        Requirements = ["E2", "C1", "C3", "INV-ROUTE-SOUND", "INV-OFFER"], Embodiments = ["E2"])]
    public static CheckOutcome E2(CheckContext ctx) => Run(ctx, new("E2", [Sw1, Sw2]), ["SW-1", "SW-2"],
        ("BrandA", "Paid(SW-1, BrandA)"), ("BrandB", "Paid(SW-2, BrandB)"));

    [Check("EXAMPLE-E3", Title = "E3: the selector's brand table routes A to SW-1 and B to SW-2",
        Requirements = ["E3", "C1", "C4", "INV-ROUTE-SOUND", "INV-ROUTE-COMPLETE"], Embodiments = ["E3"])]
    public static CheckOutcome E3(CheckContext ctx) => Run(ctx, new("E3", [Sw1, Sw2], BrandInfo: [("SW-1", ["BrandA"]), ("SW-2", ["BrandB"])]), [],
        ("BrandA", "Paid(SW-1, BrandA)"), ("BrandB", "Paid(SW-2, BrandB)"));

    [Check("EXAMPLE-E4", Title = "E4: brand information inside each WUM routes A to SW-1 and B to SW-2",
        Requirements = ["E4", "C1", "C5", "INV-ROUTE-SOUND", "INV-ROUTE-COMPLETE"], Embodiments = ["E4"])]
    public static CheckOutcome E4(CheckContext ctx) => Run(ctx, new("E4", [Sw1, Sw2], InstalledWums: [("SW-1", 1, ["BrandA"]), ("SW-2", 1, ["BrandB"])]), [],
        ("BrandA", "Paid(SW-1, BrandA)"), ("BrandB", "Paid(SW-2, BrandB)"));

    [Check("EXAMPLE-E5", Title = "E5: the selector queries the SWs live and routes A to SW-1 and B to SW-2",
        Requirements = ["E5", "C1", "C6", "INV-ROUTE-SOUND", "INV-ROUTE-COMPLETE", "INV-LIVE"], Embodiments = ["E5"])]
    public static CheckOutcome E5(CheckContext ctx) => Run(ctx, new("E5", [Sw1, Sw2]), [],
        ("BrandA", "Paid(SW-1, BrandA)"), ("BrandB", "Paid(SW-2, BrandB)"));

    [Check("EXAMPLE-E6", Title = "E6: one multi-server WUM queries the SWs and pays A with SW-1, B with SW-2",
        Requirements = ["E6", "C7", "INV-ROUTE-SOUND", "INV-ROUTE-COMPLETE", "INV-LIVE"], Embodiments = ["E6"])]
    public static CheckOutcome E6(CheckContext ctx) => Run(ctx, new("E6", [Sw1, Sw2]), [],
        ("BrandA", "Paid(SW-1, BrandA)"), ("BrandB", "Paid(SW-2, BrandB)"));

    [Check("EXAMPLE-E7", Title = "E7: the MSW pays A itself and proxies B to SSW-1 found in its brand information",
        Requirements = ["E7", "C8", "INV-ROUTE-SOUND", "INV-PROXY-TRANSPARENT"], Embodiments = ["E7"])]
    public static CheckOutcome E7(CheckContext ctx) => Run(ctx, new("E7", [Ssw1], Msw, BrandInfo: [("SSW-1", ["BrandB"])]), [],
        ("BrandA", "Paid(MSW, BrandA)"), ("BrandB", "Paid(SSW-1, BrandB)"));

    [Check("EXAMPLE-E8", Title = "E8: the MSW acquires SSW-1's brand B certificate for the order and pays B itself",
        Requirements = ["E8", "C9", "INV-ROUTE-SOUND", "INV-CUSTODY"], Embodiments = ["E8"])]
    public static CheckOutcome E8(CheckContext ctx) => Run(ctx, new("E8", [Ssw1], Msw, BrandInfo: [("SSW-1", ["BrandB"])]), [],
        ("BrandA", "Paid(MSW, BrandA)"), ("BrandB", "Paid(MSW, BrandB)"));

    [Check("EXAMPLE-E9", Title = "E9: the MSW offers the SSWs of its SSW information; the user picks SSW-1; B is proxied",
        Requirements = ["E9", "C10", "INV-OFFER", "INV-PROXY-TRANSPARENT"], Embodiments = ["E9"])]
    public static CheckOutcome E9(CheckContext ctx) => Run(ctx, new("E9", [Ssw1], Msw, SswInfo: ["SSW-1"]), ["SSW-1"],
        ("BrandB", "Paid(SSW-1, BrandB)"));

    [Check("EXAMPLE-E10", Title = "E10: the user types ssw://SSW-1; the MSW proxies B there",
        Requirements = ["E10", "C11", "INV-PROXY-TRANSPARENT"], Embodiments = ["E10"])]
    public static CheckOutcome E10(CheckContext ctx) => Run(ctx, new("E10", [Ssw1], Msw), ["ssw://SSW-1"],
        ("BrandB", "Paid(SSW-1, BrandB)"));

    [Check("EXAMPLE-E11", Title = "E11: the WUM sends SSW-1's brand information with the wake-up; the MSW proxies B",
        Requirements = ["E11", "C12", "INV-ROUTE-SOUND", "INV-PROXY-TRANSPARENT"], Embodiments = ["E11"])]
    public static CheckOutcome E11(CheckContext ctx) => Run(ctx, new("E11", [Ssw1], Msw, BrandInfo: [("SSW-1", ["BrandB"])]), [],
        ("BrandA", "Paid(MSW, BrandA)"), ("BrandB", "Paid(SSW-1, BrandB)"));

    [Check("EXAMPLE-E12", Title = "E12: the WUM sends its SSW information; the MSW offers it, the user picks SSW-1; B is proxied",
        Requirements = ["E12", "C13", "INV-OFFER", "INV-PROXY-TRANSPARENT"], Embodiments = ["E12"])]
    public static CheckOutcome E12(CheckContext ctx) => Run(ctx, new("E12", [Ssw1], Msw, SswInfo: ["SSW-1"]), ["SSW-1"],
        ("BrandB", "Paid(SSW-1, BrandB)"));
}
