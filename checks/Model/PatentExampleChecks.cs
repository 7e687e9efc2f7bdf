using System.Collections.Immutable;
using MultiWallet.Checks.Catalog;
using MultiWallet.Model.Vocabulary;
using static MultiWallet.Checks.Model.ModelKit;

namespace MultiWallet.Checks.Model;

/// <summary>
/// The patent's own examples, one per embodiment. E1–E6: SW-1 holds BrandA, SW-2 holds BrandB, wake-ups
/// for BrandA then BrandB. E7–E12: the MSW holds BrandA, SSW-1 holds BrandB, wake-up for BrandB (and one
/// for BrandA, which the MSW pays itself). Expectations are SPEC.md §2 read by hand.
/// </summary>
internal static class PatentExampleChecks
{
    private static readonly Step[] TwoWakeUps = [Wake("1", A), Wake("2", B)];

    [Check("MODEL-PATENT-EXAMPLES", Title = "the patent's example of each embodiment E1-E12 predicts the outcome and trace SPEC.md requires",
        Requirements = ["INV-CONFORM", "INV-ROUTE-SOUND", "INV-OFFER", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11", "C12", "C13",
            "E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11", "E12"],
        AllEmbodiments = true, Kind = CheckKind.Model)]
    public static CheckOutcome PatentExamples(CheckContext ctx)
    {
        var x = new Expectations();
        WalletSpec[] sws = [Sw(1, A), Sw(2, B)];

        // E1 (¶0026–0031): the user registered SW-1's WUM ahead of time; every wake-up goes there.
        var e1 = Predict(Client(Embodiment.E1, sws), new UserScript("SW-1", []), TwoWakeUps);
        x.That("E1 BrandA", e1[0], "Paid(SW-1, BrandA)", WakeLine("1", A), "Routed(Selector, SW-1, \"registered by user\")", Set);
        x.That("E1 BrandB", e1[1], "Refused(BrandNotHeld, SW-1)", WakeLine("2", B), "Routed(Selector, SW-1, \"registered by user\")");

        // E2 (¶0037–0041): every WUM offered at each wake-up; the user picks the right one.
        var e2 = Predict(Client(Embodiment.E2, sws), UserScript.Answering(new UserAnswer.Pick("SW-1"), new UserAnswer.Pick("SW-2")), TwoWakeUps);
        x.That("E2 BrandA", e2[0], "Paid(SW-1, BrandA)", WakeLine("1", A), "Offered([SW-1, SW-2])", "Chose(SW-1)", "Routed(Selector, SW-1, \"chosen by user\")", Set);
        x.That("E2 BrandB", e2[1], "Paid(SW-2, BrandB)", WakeLine("2", B), "Offered([SW-1, SW-2])", "Chose(SW-2)", "Routed(Selector, SW-2, \"chosen by user\")", Set);

        // E3 (¶0047–0053): the selector's table routes.
        var e3 = Predict(Client(Embodiment.E3, sws) with { Knowledge = new Knowledge.BrandTable(Table(("SW-1", [A]), ("SW-2", [B]))) }, UserScript.Silent, TwoWakeUps);
        x.That("E3 BrandA", e3[0], "Paid(SW-1, BrandA)", WakeLine("1", A), "Routed(Selector, SW-1, \"selector table lists BrandA\")", Set);
        x.That("E3 BrandB", e3[1], "Paid(SW-2, BrandB)", WakeLine("2", B), "Routed(Selector, SW-2, \"selector table lists BrandB\")", Set);

        // E4 (¶0058–0065): the selector asks the installed WUMs.
        var e4 = Predict(Client(Embodiment.E4, sws) with { Knowledge = new Knowledge.InstalledWums(Wums(("SW-1", 1, [A]), ("SW-2", 1, [B]))) }, UserScript.Silent, TwoWakeUps);
        string[] askWums = ["Queried(SW-1, [BrandA])", "Queried(SW-2, [BrandB])"];
        x.That("E4 BrandA", e4[0], "Paid(SW-1, BrandA)", WakeLine("1", A), askWums, "Routed(Selector, SW-1, \"installed WUM lists BrandA\")", Set);
        x.That("E4 BrandB", e4[1], "Paid(SW-2, BrandB)", WakeLine("2", B), askWums, "Routed(Selector, SW-2, \"installed WUM lists BrandB\")", Set);

        // E5 (¶0074–0079): the selector queries the SWs over the network.
        var e5 = Predict(Client(Embodiment.E5, sws), UserScript.Silent, TwoWakeUps);
        x.That("E5 BrandA", e5[0], "Paid(SW-1, BrandA)", WakeLine("1", A), askWums, "Routed(Selector, SW-1, \"SW advertises BrandA\")", Set);
        x.That("E5 BrandB", e5[1], "Paid(SW-2, BrandB)", WakeLine("2", B), askWums, "Routed(Selector, SW-2, \"SW advertises BrandB\")", Set);

        // E6 (¶0086–0089): one multi-server WUM queries and connects.
        var e6 = Predict(Client(Embodiment.E6, sws), UserScript.Silent, TwoWakeUps);
        x.That("E6 BrandA", e6[0], "Paid(SW-1, BrandA)", WakeLine("1", A), askWums, "Routed(WUM, SW-1, \"SW advertises BrandA\")", Set);
        x.That("E6 BrandB", e6[1], "Paid(SW-2, BrandB)", WakeLine("2", B), askWums, "Routed(WUM, SW-2, \"SW advertises BrandB\")", Set);

        // E7–E12: MSW holds BrandA, SSW-1 holds BrandB; wake-up BrandA (MSW pays itself), then BrandB.
        Step[] masterWakes = [Wake("1", A), Wake("2", B)];
        string[] self = [WakeLine("1", A), "Routed(MSW, MSW, \"holds BrandA\")", .. Set];
        Topology M(Embodiment e) => Master(e, Msw(A), Ssw(1, B));

        var e7 = Predict(M(Embodiment.E7) with { Knowledge = new Knowledge.BrandTable(Table(("SSW-1", [B]))) }, UserScript.Silent, masterWakes);
        x.That("E7 BrandA", e7[0], "Paid(MSW, BrandA)", self);
        x.That("E7 BrandB", e7[1], "Paid(SSW-1, BrandB)", WakeLine("2", B), "Routed(MSW, SSW-1, \"brand info lists BrandB\")", "ProxyHop(MSW -> SSW-1)", Set);

        var e8 = Predict(M(Embodiment.E8) with { Knowledge = new Knowledge.BrandTable(Table(("SSW-1", [B]))) }, UserScript.Silent, masterWakes);
        x.That("E8 BrandA", e8[0], "Paid(MSW, BrandA)", self);
        x.That("E8 BrandB", e8[1], "Paid(MSW, BrandB)", WakeLine("2", B), "Routed(MSW, SSW-1, \"brand info lists BrandB\")",
            "CredentialReleased(SSW-1 -> MSW)", Set, "CredentialErased(MSW)");

        var e9 = Predict(M(Embodiment.E9) with { Knowledge = new Knowledge.SswList(["SSW-1"]) }, UserScript.Answering(new UserAnswer.Pick("SSW-1")), masterWakes);
        x.That("E9 BrandA", e9[0], "Paid(MSW, BrandA)", self);
        x.That("E9 BrandB", e9[1], "Paid(SSW-1, BrandB)", WakeLine("2", B), "Offered([SSW-1])", "Chose(SSW-1)",
            "Routed(MSW, SSW-1, \"chosen by user\")", "ProxyHop(MSW -> SSW-1)", Set);

        var e10 = Predict(M(Embodiment.E10), UserScript.Answering(new UserAnswer.TypeAddress("ssw://SSW-1")), masterWakes);
        x.That("E10 BrandA", e10[0], "Paid(MSW, BrandA)", self);
        x.That("E10 BrandB", e10[1], "Paid(SSW-1, BrandB)", WakeLine("2", B), "Chose(ssw://SSW-1)",
            "Routed(MSW, SSW-1, \"typed address ssw://SSW-1\")", "ProxyHop(MSW -> SSW-1)", Set);

        var e11 = Predict(M(Embodiment.E11) with { Knowledge = new Knowledge.BrandTable(Table(("SSW-1", [B]))) }, UserScript.Silent, masterWakes);
        x.That("E11 BrandA", e11[0], "Paid(MSW, BrandA)", self);
        x.That("E11 BrandB", e11[1], "Paid(SSW-1, BrandB)", WakeLine("2", B), "Routed(MSW, SSW-1, \"client brand info lists BrandB\")", "ProxyHop(MSW -> SSW-1)", Set);

        var e12 = Predict(M(Embodiment.E12) with { Knowledge = new Knowledge.SswList(["SSW-1"]) }, UserScript.Answering(new UserAnswer.Pick("SSW-1")), masterWakes);
        x.That("E12 BrandA", e12[0], "Paid(MSW, BrandA)", self);
        x.That("E12 BrandB", e12[1], "Paid(SSW-1, BrandB)", WakeLine("2", B), "Offered([SSW-1])", "Chose(SSW-1)",
            "Routed(MSW, SSW-1, \"chosen by user\")", "ProxyHop(MSW -> SSW-1)", Set);

        return x.Result("patent examples E1-E12");
    }

    public static IReadOnlyDictionary<string, ImmutableSortedSet<Brand>> Table(params (string Wallet, Brand[] Brands)[] rows) =>
        rows.ToImmutableDictionary(r => r.Wallet, r => Brands.Of(r.Brands));

    public static IReadOnlyDictionary<string, WumInstall> Wums(params (string Wallet, int Version, Brand[] Brands)[] rows) =>
        rows.ToImmutableDictionary(r => r.Wallet, r => new WumInstall(r.Version, Brands.Of(r.Brands)));
}
