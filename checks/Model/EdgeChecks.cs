using MultiWallet.Checks.Catalog;
using MultiWallet.Model.Vocabulary;
using static MultiWallet.Checks.Model.ModelKit;
using static MultiWallet.Checks.Model.PatentExampleChecks;

namespace MultiWallet.Checks.Model;

/// <summary>One check per edge case decided in docs/DECISIONS.md; expectations written by hand from it.</summary>
internal static class EdgeChecks
{
    private static UserAnswer Pick(string n) => new UserAnswer.Pick(n);
    private static UserAnswer Type(string t) => new UserAnswer.TypeAddress(t);

    [Check("MODEL-EDGE-MALFORMED", Title = "a malformed wake-up is refused with only the WakeUp event and is not remembered",
        Requirements = ["INV-BAD-INPUT", "INV-CONFORM"], Kind = CheckKind.Model)]
    public static CheckOutcome Malformed(CheckContext ctx)
    {
        var x = new Expectations();
        var t = Client(Embodiment.E3, Sw(1, A)) with { Knowledge = new Knowledge.BrandTable(Table(("SW-1", [A]))) };
        var p = Predict(t, UserScript.Silent, Wake("1", A, WakeUpDefect.Missing), Wake("2", A, amount: 0), Wake("1", A));
        x.That("missing field", p[0], "Refused(MalformedWakeUp)", WakeLine("1", A));
        x.That("amount 0", p[1], "Refused(MalformedWakeUp)", WakeLine("2", A));
        x.That("same order, well-formed, afterwards: not a replay", p[2], "Paid(SW-1, BrandA)", WakeLine("1", A), "Routed(Selector, SW-1, \"selector table lists BrandA\")", Set);
        return x.Result("malformed wake-ups");
    }

    [Check("MODEL-EDGE-UNKNOWN-BRAND", Title = "an unknown brand is refused with only the WakeUp event and is not remembered",
        Requirements = ["INV-BAD-INPUT", "INV-CONFORM"], Kind = CheckKind.Model)]
    public static CheckOutcome UnknownBrand(CheckContext ctx)
    {
        var x = new Expectations();
        var z = new Brand("BrandZ");
        var p = Predict(Master(Embodiment.E7, Msw(A)), UserScript.Silent, Wake("1", z), Wake("1", A));
        x.That("BrandZ", p[0], "Refused(UnknownBrand)", WakeLine("1", z));
        x.That("same order with a known brand", p[1], "Paid(MSW, BrandA)", WakeLine("1", A), "Routed(MSW, MSW, \"holds BrandA\")", Set);
        return x.Result("unknown brand");
    }

    [Check("MODEL-EDGE-REPLAY", Title = "a replayed accepted order is refused at the entry point with only the WakeUp event",
        Requirements = ["INV-ONCE", "INV-CONFORM"], Embodiments = [Embodiment.E2, Embodiment.E6, Embodiment.E8], Kind = CheckKind.Model)]
    public static CheckOutcome Replay(CheckContext ctx)
    {
        var x = new Expectations();
        var e8 = Predict(Master(Embodiment.E8, Msw(), Ssw(1, B)) with { Knowledge = new Knowledge.BrandTable(Table(("SSW-1", [B]))) }, UserScript.Silent,
            Wake("1", B), new Step.Replay(O("1")));
        x.That("E8 replay after payment", e8[1], "Refused(Replay)", WakeLine("1", B));
        // Accepted = passed the entry point's checks, whatever happened next: a refused choice still uses up the order.
        var e2 = Predict(Client(Embodiment.E2, Sw(1, A)), UserScript.Answering(UserAnswer.Nothing, Pick("SW-1")), Wake("1", A), new Step.Replay(O("1")));
        x.That("E2 first: nothing picked", e2[0], "Refused(NoChoice)", WakeLine("1", A), "Offered([SW-1])", "Chose(none)");
        x.That("E2 replay of an accepted but unpaid order", e2[1], "Refused(Replay)", WakeLine("1", A));
        var e6 = Predict(Client(Embodiment.E6, Sw(1, A)), UserScript.Silent, Wake("1", A), Wake("1", B));
        x.That("E6 same order id, other brand", e6[1], "Refused(Replay)", WakeLine("1", B));
        return x.Result("replays");
    }

    [Check("MODEL-EDGE-E1-REGISTRATION", Title = "E1: no registered WUM -> NoChoice; a registered name that is no WUM -> InvalidChoice",
        Requirements = ["INV-OFFER", "E1", "C2"], Embodiments = [Embodiment.E1], Kind = CheckKind.Model)]
    public static CheckOutcome E1Registration(CheckContext ctx)
    {
        var x = new Expectations();
        x.That("none registered", One(Client(Embodiment.E1, Sw(1, A)), UserScript.Silent, Wake("1", A)), "Refused(NoChoice)", WakeLine("1", A));
        x.That("registered SW-9", One(Client(Embodiment.E1, Sw(1, A)), new UserScript("SW-9", []), Wake("1", A)), "Refused(InvalidChoice)", WakeLine("1", A));
        return x.Result("E1 registration");
    }

    [Check("MODEL-EDGE-NO-CHOICE", Title = "E2/E9/E12 the user picks nothing, E10 types nothing -> NoChoice, nothing sent",
        Requirements = ["INV-OFFER", "E2", "E9", "E10", "E12"], Embodiments = [Embodiment.E2, Embodiment.E9, Embodiment.E10, Embodiment.E12], Kind = CheckKind.Model)]
    public static CheckOutcome NoChoice(CheckContext ctx)
    {
        var x = new Expectations();
        x.That("E2", One(Client(Embodiment.E2, Sw(1, A), Sw(2, B)), UserScript.Silent, Wake("1", A)), "Refused(NoChoice)",
            WakeLine("1", A), "Offered([SW-1, SW-2])", "Chose(none)");
        x.That("E9", One(Master(Embodiment.E9, Msw(), Ssw(1, A)) with { Knowledge = new Knowledge.SswList(["SSW-1"]) }, UserScript.Answering(UserAnswer.Nothing), Wake("1", A)),
            "Refused(NoChoice)", WakeLine("1", A), "Offered([SSW-1])", "Chose(none)");
        x.That("E10 empty text", One(Master(Embodiment.E10, Msw(), Ssw(1, A)), UserScript.Answering(Type("")), Wake("1", A)),
            "Refused(NoChoice)", WakeLine("1", A), "Chose(none)");
        x.That("E12 script exhausted", One(Master(Embodiment.E12, Msw(), Ssw(1, A)) with { Knowledge = new Knowledge.SswList(["SSW-1"]) }, UserScript.Silent, Wake("1", A)),
            "Refused(NoChoice)", WakeLine("1", A), "Offered([SSW-1])", "Chose(none)");
        return x.Result("no choice");
    }

    [Check("MODEL-EDGE-INVALID-CHOICE", Title = "E2/E9/E12 a pick that was not offered -> InvalidChoice, nothing sent",
        Requirements = ["INV-OFFER", "E2", "E9", "E12"], Embodiments = [Embodiment.E2, Embodiment.E9, Embodiment.E12], Kind = CheckKind.Model)]
    public static CheckOutcome InvalidChoice(CheckContext ctx)
    {
        var x = new Expectations();
        x.That("E2 SW-9", One(Client(Embodiment.E2, Sw(1, A)), UserScript.Answering(Pick("SW-9")), Wake("1", A)), "Refused(InvalidChoice)",
            WakeLine("1", A), "Offered([SW-1])", "Chose(SW-9)");
        // SSW-2 exists and holds the brand, but the information does not list it: it is not offered, so it cannot be picked.
        x.That("E9 existing SSW not in SSW info", One(Master(Embodiment.E9, Msw(), Ssw(1, B), Ssw(2, A)) with { Knowledge = new Knowledge.SswList(["SSW-1"]) },
            UserScript.Answering(Pick("SSW-2")), Wake("1", A)), "Refused(InvalidChoice)", WakeLine("1", A), "Offered([SSW-1])", "Chose(SSW-2)");
        x.That("E12 existing SSW not in client info", One(Master(Embodiment.E12, Msw(), Ssw(1, B), Ssw(2, A)) with { Knowledge = new Knowledge.SswList(["SSW-1"]) },
            UserScript.Answering(Pick("SSW-2")), Wake("1", A)), "Refused(InvalidChoice)", WakeLine("1", A), "Offered([SSW-1])", "Chose(SSW-2)");
        return x.Result("invalid choice");
    }

    [Check("MODEL-EDGE-WRONG-CHOICE", Title = "E1/E2/E9/E10 a wrong but valid choice -> BrandNotHeld at that wallet, no other wallet tried",
        Requirements = ["INV-OFFER", "INV-ROUTE-SOUND"], Embodiments = [Embodiment.E1, Embodiment.E2, Embodiment.E9, Embodiment.E10], Kind = CheckKind.Model)]
    public static CheckOutcome WrongChoice(CheckContext ctx)
    {
        var x = new Expectations();
        x.That("E2 picks SW-2 for BrandA", One(Client(Embodiment.E2, Sw(1, A), Sw(2, B)), UserScript.Answering(Pick("SW-2")), Wake("1", A)),
            "Refused(BrandNotHeld, SW-2)", WakeLine("1", A), "Offered([SW-1, SW-2])", "Chose(SW-2)", "Routed(Selector, SW-2, \"chosen by user\")");
        x.That("E9 picks SSW-1 lacking BrandA", One(Master(Embodiment.E9, Msw(), Ssw(1, B), Ssw(2, A)) with { Knowledge = new Knowledge.SswList(["SSW-1", "SSW-2"]) },
            UserScript.Answering(Pick("SSW-1")), Wake("1", A)), "Refused(BrandNotHeld, SSW-1)", WakeLine("1", A), "Offered([SSW-1, SSW-2])", "Chose(SSW-1)",
            "Routed(MSW, SSW-1, \"chosen by user\")", "ProxyHop(MSW -> SSW-1)");
        x.That("E10 types SSW-2 lacking BrandB", One(Master(Embodiment.E10, Msw(), Ssw(1, B), Ssw(2, A)), UserScript.Answering(Type("ssw://SSW-2")), Wake("1", B)),
            "Refused(BrandNotHeld, SSW-2)", WakeLine("1", B), "Chose(ssw://SSW-2)", "Routed(MSW, SSW-2, \"typed address ssw://SSW-2\")", "ProxyHop(MSW -> SSW-2)");
        return x.Result("wrong choices");
    }

    [Check("MODEL-EDGE-FIRST-CAPABLE", Title = "several capable wallets: the first in registration order wins (E3-E8, E11)",
        Requirements = ["INV-ROUTE-SOUND", "INV-ROUTE-COMPLETE", "E3", "E4", "E5", "E6", "E7", "E8", "E11"],
        Embodiments = [Embodiment.E3, Embodiment.E4, Embodiment.E5, Embodiment.E6, Embodiment.E7, Embodiment.E8, Embodiment.E11], Kind = CheckKind.Model)]
    public static CheckOutcome FirstCapable(CheckContext ctx)
    {
        var x = new Expectations();
        WalletSpec[] sws = [Sw(1, B), Sw(2, A), Sw(3, A)];
        // Table given out of order: registration order, not table order, decides.
        x.That("E3", One(Client(Embodiment.E3, sws) with { Knowledge = new Knowledge.BrandTable(Table(("SW-3", [A]), ("SW-2", [A]), ("SW-1", [B]))) }, UserScript.Silent, Wake("1", A)),
            "Paid(SW-2, BrandA)", WakeLine("1", A), "Routed(Selector, SW-2, \"selector table lists BrandA\")", Set);
        x.That("E5", One(Client(Embodiment.E5, sws), UserScript.Silent, Wake("1", A)), "Paid(SW-2, BrandA)", WakeLine("1", A),
            "Queried(SW-1, [BrandB])", "Queried(SW-2, [BrandA])", "Queried(SW-3, [BrandA])", "Routed(Selector, SW-2, \"SW advertises BrandA\")", Set);
        x.That("E6", One(Client(Embodiment.E6, sws), UserScript.Silent, Wake("1", A)), "Paid(SW-2, BrandA)", WakeLine("1", A),
            "Queried(SW-1, [BrandB])", "Queried(SW-2, [BrandA])", "Queried(SW-3, [BrandA])", "Routed(WUM, SW-2, \"SW advertises BrandA\")", Set);
        var info = Table(("SSW-2", [A]), ("SSW-1", [A]));
        x.That("E7", One(Master(Embodiment.E7, Msw(), Ssw(1, A), Ssw(2, A)) with { Knowledge = new Knowledge.BrandTable(info) }, UserScript.Silent, Wake("1", A)),
            "Paid(SSW-1, BrandA)", WakeLine("1", A), "Routed(MSW, SSW-1, \"brand info lists BrandA\")", "ProxyHop(MSW -> SSW-1)", Set);
        x.That("E11", One(Master(Embodiment.E11, Msw(), Ssw(1, A), Ssw(2, A)) with { Knowledge = new Knowledge.BrandTable(info) }, UserScript.Silent, Wake("1", A)),
            "Paid(SSW-1, BrandA)", WakeLine("1", A), "Routed(MSW, SSW-1, \"client brand info lists BrandA\")", "ProxyHop(MSW -> SSW-1)", Set);
        return x.Result("first capable");
    }

    [Check("MODEL-EDGE-UNREACHABLE-SKIPPED", Title = "while routing on knowledge (E3-E8, E11) an unreachable wallet is skipped; all skipped -> NoCapableWallet",
        Requirements = ["INV-ROUTE-COMPLETE", "E3", "E5", "E6", "E7", "E8", "E11"], Embodiments = [Embodiment.E3, Embodiment.E5, Embodiment.E6, Embodiment.E7, Embodiment.E8, Embodiment.E11], Kind = CheckKind.Model)]
    public static CheckOutcome UnreachableSkipped(CheckContext ctx)
    {
        var x = new Expectations();
        WalletSpec[] sws = [Sw(1, A) with { Down = true }, Sw(2, A)];
        x.That("E3", One(Client(Embodiment.E3, sws) with { Knowledge = new Knowledge.BrandTable(Table(("SW-1", [A]), ("SW-2", [A]))) }, UserScript.Silent, Wake("1", A)),
            "Paid(SW-2, BrandA)", WakeLine("1", A), "Queried(SW-1, unreachable)", "Routed(Selector, SW-2, \"selector table lists BrandA\")", Set);
        x.That("E5", One(Client(Embodiment.E5, sws), UserScript.Silent, Wake("1", A)), "Paid(SW-2, BrandA)", WakeLine("1", A),
            "Queried(SW-1, unreachable)", "Queried(SW-2, [BrandA])", "Routed(Selector, SW-2, \"SW advertises BrandA\")", Set);
        x.That("E8", One(Master(Embodiment.E8, Msw(), Ssw(1, A) with { Down = true }, Ssw(2, A)) with { Knowledge = new Knowledge.BrandTable(Table(("SSW-1", [A]), ("SSW-2", [A]))) },
            UserScript.Silent, Wake("1", A)), "Paid(MSW, BrandA)", WakeLine("1", A), "Queried(SSW-1, unreachable)", "Routed(MSW, SSW-2, \"brand info lists BrandA\")",
            "CredentialReleased(SSW-2 -> MSW)", Set, "CredentialErased(MSW)");
        x.That("E6 all down", One(Client(Embodiment.E6, Sw(1, A) with { Down = true }), UserScript.Silent, Wake("1", A)), "Refused(NoCapableWallet)",
            WakeLine("1", A), "Queried(SW-1, unreachable)");
        x.That("E7 all down", One(Master(Embodiment.E7, Msw(), Ssw(1, A) with { Down = true }) with { Knowledge = new Knowledge.BrandTable(Table(("SSW-1", [A]))) }, UserScript.Silent, Wake("1", A)),
            "Refused(NoCapableWallet)", WakeLine("1", A), "Queried(SSW-1, unreachable)");
        // A client-info entry naming no registered wallet behaves as an unreachable one (and sorts after registered ones).
        x.That("E11 unknown SSW in client info", One(Master(Embodiment.E11, Msw(), Ssw(1, A)) with { Knowledge = new Knowledge.BrandTable(Table(("SSW-9", [A]), ("SSW-1", [B]))) },
            UserScript.Silent, Wake("1", A)), "Refused(NoCapableWallet)", WakeLine("1", A), "Queried(SSW-9, unreachable)");
        return x.Result("unreachable skipped");
    }

    [Check("MODEL-EDGE-NO-CAPABLE", Title = "knowledge names no capable wallet -> NoCapableWallet, no purchase message",
        Requirements = ["INV-ROUTE-COMPLETE", "E3", "E4", "E7", "E11"], Embodiments = [Embodiment.E3, Embodiment.E4, Embodiment.E7, Embodiment.E11], Kind = CheckKind.Model)]
    public static CheckOutcome NoCapable(CheckContext ctx)
    {
        var x = new Expectations();
        x.That("E3", One(Client(Embodiment.E3, Sw(1, A), Sw(2, C)) with { Knowledge = new Knowledge.BrandTable(Table(("SW-1", [A]))) }, UserScript.Silent, Wake("1", C)),
            "Refused(NoCapableWallet)", WakeLine("1", C));
        x.That("E4", One(Client(Embodiment.E4, Sw(1, A)) with { Knowledge = new Knowledge.InstalledWums(Wums(("SW-1", 1, [A]))) }, UserScript.Silent, Wake("1", B)),
            "Refused(NoCapableWallet)", WakeLine("1", B), "Queried(SW-1, [BrandA])");
        x.That("E7", One(Master(Embodiment.E7, Msw(A), Ssw(1, B)) with { Knowledge = new Knowledge.BrandTable(Table(("SSW-1", [B]))) }, UserScript.Silent, Wake("1", C)),
            "Refused(NoCapableWallet)", WakeLine("1", C));
        x.That("E11 empty client info", One(Master(Embodiment.E11, Msw(), Ssw(1, B)), UserScript.Silent, Wake("1", B)), "Refused(NoCapableWallet)", WakeLine("1", B));
        return x.Result("no capable wallet");
    }

    [Check("MODEL-EDGE-SINGLE-ROUTE-UNREACHABLE", Title = "the one wallet the route allows (E1/E2/E9/E10/E12, or the MSW) is down -> WalletUnreachable",
        Requirements = ["INV-ROUTE-COMPLETE", "E1", "E2", "E9", "E10", "E12"], Embodiments = [Embodiment.E1, Embodiment.E2, Embodiment.E9, Embodiment.E10, Embodiment.E12], Kind = CheckKind.Model)]
    public static CheckOutcome SingleRouteUnreachable(CheckContext ctx)
    {
        var x = new Expectations();
        x.That("E1", One(Client(Embodiment.E1, Sw(1, A) with { Down = true }, Sw(2, A)), new UserScript("SW-1", []), Wake("1", A)),
            "Refused(WalletUnreachable, SW-1)", WakeLine("1", A), "Routed(Selector, SW-1, \"registered by user\")");
        x.That("E2", One(Client(Embodiment.E2, Sw(1, A) with { Down = true }), UserScript.Answering(Pick("SW-1")), Wake("1", A)),
            "Refused(WalletUnreachable, SW-1)", WakeLine("1", A), "Offered([SW-1])", "Chose(SW-1)", "Routed(Selector, SW-1, \"chosen by user\")");
        x.That("E9", One(Master(Embodiment.E9, Msw(), Ssw(1, A) with { Down = true }, Ssw(2, A)) with { Knowledge = new Knowledge.SswList(["SSW-1", "SSW-2"]) },
            UserScript.Answering(Pick("SSW-1")), Wake("1", A)), "Refused(WalletUnreachable, SSW-1)", WakeLine("1", A), "Offered([SSW-1, SSW-2])", "Chose(SSW-1)",
            "Routed(MSW, SSW-1, \"chosen by user\")");
        x.That("E10", One(Master(Embodiment.E10, Msw(), Ssw(1, A) with { Down = true }), UserScript.Answering(Type("ssw://SSW-1")), Wake("1", A)),
            "Refused(WalletUnreachable, SSW-1)", WakeLine("1", A), "Chose(ssw://SSW-1)", "Routed(MSW, SSW-1, \"typed address ssw://SSW-1\")");
        x.That("E12 MSW down", One(Master(Embodiment.E12, Msw(A) with { Down = true }, Ssw(1, A)) with { Knowledge = new Knowledge.SswList(["SSW-1"]) }, UserScript.Silent, Wake("1", A)),
            "Refused(WalletUnreachable, MSW)", WakeLine("1", A));
        return x.Result("single route unreachable");
    }

    [Check("MODEL-EDGE-NO-FALLBACK", Title = "lying or stale knowledge routes to a wallet lacking the brand -> BrandNotHeld there, no fallback",
        Requirements = ["INV-ROUTE-SOUND", "E3", "E5", "E7"], Embodiments = [Embodiment.E3, Embodiment.E5, Embodiment.E7], Kind = CheckKind.Model)]
    public static CheckOutcome NoFallback(CheckContext ctx)
    {
        var x = new Expectations();
        x.That("E3 stale table", One(Client(Embodiment.E3, Sw(1, B), Sw(2, A)) with { Knowledge = new Knowledge.BrandTable(Table(("SW-1", [A]), ("SW-2", [A]))) }, UserScript.Silent, Wake("1", A)),
            "Refused(BrandNotHeld, SW-1)", WakeLine("1", A), "Routed(Selector, SW-1, \"selector table lists BrandA\")");
        var liar = new WalletSpec("SW-1", Brands.Of(B), Brands.Of(A, B));
        x.That("E5 lying SW", One(Client(Embodiment.E5, liar, Sw(2, A)), UserScript.Silent, Wake("1", A)), "Refused(BrandNotHeld, SW-1)", WakeLine("1", A),
            "Queried(SW-1, [BrandA, BrandB])", "Queried(SW-2, [BrandA])", "Routed(Selector, SW-1, \"SW advertises BrandA\")");
        x.That("E7 stale MSW brand info", One(Master(Embodiment.E7, Msw(), Ssw(1, C), Ssw(2, A)) with { Knowledge = new Knowledge.BrandTable(Table(("SSW-1", [A]), ("SSW-2", [A]))) },
            UserScript.Silent, Wake("1", A)), "Refused(BrandNotHeld, SSW-1)", WakeLine("1", A), "Routed(MSW, SSW-1, \"brand info lists BrandA\")", "ProxyHop(MSW -> SSW-1)");
        return x.Result("no fallback");
    }

    [Check("MODEL-EDGE-FORGED-CLIENT-INFO", Title = "E11/E12 forged client information only routes: the SSW still refuses a brand it lacks",
        Requirements = ["INV-ROUTE-SOUND", "E11", "E12", "C12", "C13"], Embodiments = [Embodiment.E11, Embodiment.E12], Kind = CheckKind.Model)]
    public static CheckOutcome ForgedClientInfo(CheckContext ctx)
    {
        var x = new Expectations();
        x.That("E11", One(Master(Embodiment.E11, Msw(), Ssw(1, C)) with { Knowledge = new Knowledge.BrandTable(Table(("SSW-1", [B]))) }, UserScript.Silent, Wake("1", B)),
            "Refused(BrandNotHeld, SSW-1)", WakeLine("1", B), "Routed(MSW, SSW-1, \"client brand info lists BrandB\")", "ProxyHop(MSW -> SSW-1)");
        x.That("E12", One(Master(Embodiment.E12, Msw(), Ssw(1, C), Ssw(2, B)) with { Knowledge = new Knowledge.SswList(["SSW-2", "SSW-1"]) }, UserScript.Answering(Pick("SSW-1")), Wake("1", B)),
            "Refused(BrandNotHeld, SSW-1)", WakeLine("1", B), "Offered([SSW-1, SSW-2])", "Chose(SSW-1)", "Routed(MSW, SSW-1, \"chosen by user\")", "ProxyHop(MSW -> SSW-1)");
        return x.Result("forged client information");
    }

    [Check("MODEL-EDGE-E9-OFFER", Title = "E9/E12 offer exactly the SSWs of the information, in registration order",
        Requirements = ["INV-OFFER", "E9", "E12", "C10"], Embodiments = [Embodiment.E9, Embodiment.E12], Kind = CheckKind.Model)]
    public static CheckOutcome E9Offer(CheckContext ctx)
    {
        var x = new Expectations();
        x.That("E9 info out of order, SSW-3 not listed", One(Master(Embodiment.E9, Msw(), Ssw(1, A), Ssw(2, B), Ssw(3, B)) with { Knowledge = new Knowledge.SswList(["SSW-2", "SSW-1"]) },
            UserScript.Answering(Pick("SSW-2")), Wake("1", B)), "Paid(SSW-2, BrandB)", WakeLine("1", B), "Offered([SSW-1, SSW-2])", "Chose(SSW-2)",
            "Routed(MSW, SSW-2, \"chosen by user\")", "ProxyHop(MSW -> SSW-2)", Set);
        // A brand change at a SSW needs no change at the MSW (¶0139): the same SSW information still offers it.
        var p = Predict(Master(Embodiment.E9, Msw(), Ssw(1, A)) with { Knowledge = new Knowledge.SswList(["SSW-1"]) }, UserScript.Answering(Pick("SSW-1")),
            new Step.ChangeBrands("SSW-1", Brands.Of(C), Brands.Of(C)), Wake("1", C));
        x.That("E9 after brand change", p[0], "Paid(SSW-1, BrandC)", WakeLine("1", C), "Offered([SSW-1])", "Chose(SSW-1)",
            "Routed(MSW, SSW-1, \"chosen by user\")", "ProxyHop(MSW -> SSW-1)", Set);
        return x.Result("E9/E12 offer");
    }

    [Check("MODEL-EDGE-E10-ADDRESS", Title = "E10 typed address: ssw://<name>; unparsable -> MalformedAddress, nobody there (found by trying) or the master itself -> UnknownAddress",
        Requirements = ["E10", "C11", "INV-BAD-INPUT"], Embodiments = [Embodiment.E10], Kind = CheckKind.Model)]
    public static CheckOutcome E10Address(CheckContext ctx)
    {
        var x = new Expectations();
        var t = Master(Embodiment.E10, Msw(), Ssw(1, A));
        x.That("no scheme", One(t, UserScript.Answering(Type("SSW-1")), Wake("1", A)), "Refused(MalformedAddress)", WakeLine("1", A), "Chose(SSW-1)");
        x.That("bad characters", One(t, UserScript.Answering(Type("ssw://SSW 1")), Wake("1", A)), "Refused(MalformedAddress)", WakeLine("1", A), "Chose(ssw://SSW 1)");
        // The MSW keeps no list of slaves (¶0153): it learns that nobody is at the address only by trying it.
        x.That("no such slave", One(t, UserScript.Answering(Type("ssw://SSW-7")), Wake("1", A)), "Refused(UnknownAddress, SSW-7)", WakeLine("1", A), "Chose(ssw://SSW-7)",
            "Routed(MSW, SSW-7, \"typed address ssw://SSW-7\")");
        // Its own name it knows: refused without trying, so no proxy loop.
        x.That("the master is no slave", One(t, UserScript.Answering(Type("ssw://MSW")), Wake("1", A)), "Refused(UnknownAddress, MSW)", WakeLine("1", A), "Chose(ssw://MSW)");
        return x.Result("E10 addresses");
    }

    [Check("MODEL-EDGE-E4-REINSTALL", Title = "E4 routes on the WUM version installed at wake-up time; older versions are ignored",
        Requirements = ["INV-LIVE", "E4", "C5"], Embodiments = [Embodiment.E4], Kind = CheckKind.Model)]
    public static CheckOutcome E4Reinstall(CheckContext ctx)
    {
        var x = new Expectations();
        var t = Client(Embodiment.E4, Sw(1, A, B), Sw(2, B)) with { Knowledge = new Knowledge.InstalledWums(Wums(("SW-1", 1, [A]), ("SW-2", 1, [B]))) };
        var p = Predict(t, UserScript.Silent,
            Wake("1", B),
            new Step.InstallWum("SW-1", 2, Brands.Of(A, B)), Wake("2", B),
            new Step.InstallWum("SW-1", 1, Brands.Of(A)), Wake("3", B));
        x.That("v1", p[0], "Paid(SW-2, BrandB)", WakeLine("1", B), "Queried(SW-1, [BrandA])", "Queried(SW-2, [BrandB])", "Routed(Selector, SW-2, \"installed WUM lists BrandB\")", Set);
        x.That("after v2", p[1], "Paid(SW-1, BrandB)", WakeLine("2", B), "Queried(SW-1, [BrandA, BrandB])", "Queried(SW-2, [BrandB])", "Routed(Selector, SW-1, \"installed WUM lists BrandB\")", Set);
        x.That("older v1 ignored", p[2], "Paid(SW-1, BrandB)", WakeLine("3", B), "Queried(SW-1, [BrandA, BrandB])", "Queried(SW-2, [BrandB])", "Routed(Selector, SW-1, \"installed WUM lists BrandB\")", Set);
        return x.Result("E4 reinstall");
    }

    [Check("MODEL-EDGE-LIVE-QUERY", Title = "E5/E6 route on the SWs' brand information as it is at wake-up time (never cached)",
        Requirements = ["INV-LIVE", "E5", "E6", "C6", "C7"], Embodiments = [Embodiment.E5, Embodiment.E6], Kind = CheckKind.Model)]
    public static CheckOutcome LiveQuery(CheckContext ctx)
    {
        var x = new Expectations();
        foreach (var (e, decider) in new[] { (Embodiment.E5, "Selector"), (Embodiment.E6, "WUM") })
        {
            var p = Predict(Client(e, Sw(1, A), Sw(2, B)), UserScript.Silent,
                Wake("1", B), new Step.ChangeBrands("SW-1", Brands.Of(B), Brands.Of(B)), Wake("2", B),
                new Step.SetDown("SW-1", true), Wake("3", B));
            x.That($"{e} before", p[0], "Paid(SW-2, BrandB)", WakeLine("1", B), "Queried(SW-1, [BrandA])", "Queried(SW-2, [BrandB])", $"Routed({decider}, SW-2, \"SW advertises BrandB\")", Set);
            x.That($"{e} after change", p[1], "Paid(SW-1, BrandB)", WakeLine("2", B), "Queried(SW-1, [BrandB])", "Queried(SW-2, [BrandB])", $"Routed({decider}, SW-1, \"SW advertises BrandB\")", Set);
            x.That($"{e} SW-1 down", p[2], "Paid(SW-2, BrandB)", WakeLine("3", B), "Queried(SW-1, unreachable)", "Queried(SW-2, [BrandB])", $"Routed({decider}, SW-2, \"SW advertises BrandB\")", Set);
        }
        return x.Result("live queries");
    }

    [Check("MODEL-EDGE-MSW-PAYS-ITSELF", Title = "E7-E12: the MSW pays itself whenever it holds the brand, whatever the slaves and knowledge",
        Requirements = ["INV-ROUTE-SOUND", "E7", "E8", "E9", "E10", "E11", "E12"], Embodiments = [Embodiment.E7, Embodiment.E8, Embodiment.E9, Embodiment.E10, Embodiment.E11, Embodiment.E12], Kind = CheckKind.Model)]
    public static CheckOutcome MswPaysItself(CheckContext ctx)
    {
        var x = new Expectations();
        foreach (var e in new[] { Embodiment.E7, Embodiment.E8, Embodiment.E9, Embodiment.E10, Embodiment.E11, Embodiment.E12 })
        {
            var t = Master(e, Msw(B), Ssw(1, B)) with
            {
                Knowledge = EmbodimentTraits.Of(e).Knowledge == KnowledgeKind.SswList ? new Knowledge.SswList(["SSW-1"]) : new Knowledge.BrandTable(Table(("SSW-1", [B]))),
            };
            x.That($"{e}", One(t, UserScript.Answering(Pick("SSW-1")), Wake("1", B)), "Paid(MSW, BrandB)", WakeLine("1", B), "Routed(MSW, MSW, \"holds BrandB\")", Set);
        }
        return x.Result("MSW pays itself");
    }

    [Check("MODEL-EDGE-E8-CUSTODY", Title = "E8: credential released once to the MSW, erased after PRes or any failure; a custodian lacking the brand refuses",
        Requirements = ["INV-CUSTODY", "E8", "C9"], Embodiments = [Embodiment.E8], Kind = CheckKind.Model)]
    public static CheckOutcome E8Custody(CheckContext ctx)
    {
        var x = new Expectations();
        var info = Table(("SSW-1", [B]), ("SSW-2", [B]));
        x.That("stale info: SSW-1 lacks BrandB, no fallback", One(Master(Embodiment.E8, Msw(), Ssw(1, C), Ssw(2, B)) with { Knowledge = new Knowledge.BrandTable(info) }, UserScript.Silent, Wake("1", B)),
            "Refused(CredentialRefused, SSW-1)", WakeLine("1", B), "Routed(MSW, SSW-1, \"brand info lists BrandB\")");
        x.That("tampered PI: erased after the failure", One(Master(Embodiment.E8, Msw(), Ssw(1, B)) with { Knowledge = new Knowledge.BrandTable(info) }, UserScript.Silent,
            Wake("1", B, new WakeUpDefect.Tampered(TamperSite.PI))), "Refused(ProtocolError, MSW)", WakeLine("1", B), "Routed(MSW, SSW-1, \"brand info lists BrandB\")",
            "CredentialReleased(SSW-1 -> MSW)", UpToAuthReq, "CredentialErased(MSW)");
        return x.Result("E8 custody");
    }

    [Check("MODEL-EDGE-TAMPER", Title = "tampering ends the purchase where it is detected: OI/dual signature/certificate at PReq, PI at AuthReq; ProtocolError",
        Requirements = ["INV-DUAL-SIG", "INV-BAD-INPUT", "INV-PROXY-TRANSPARENT"], Embodiments = [Embodiment.E3, Embodiment.E7], Kind = CheckKind.Model)]
    public static CheckOutcome Tamper(CheckContext ctx)
    {
        var x = new Expectations();
        var t = Client(Embodiment.E3, Sw(1, A)) with { Knowledge = new Knowledge.BrandTable(Table(("SW-1", [A]))) };
        foreach (var site in new[] { TamperSite.OI, TamperSite.DualSig, TamperSite.Cert })
            x.That($"E3 {site}", One(t, UserScript.Silent, Wake("1", A, new WakeUpDefect.Tampered(site))), "Refused(ProtocolError, SW-1)",
                WakeLine("1", A), "Routed(Selector, SW-1, \"selector table lists BrandA\")", UpToPReq);
        x.That("E3 PI", One(t, UserScript.Silent, Wake("1", A, new WakeUpDefect.Tampered(TamperSite.PI))), "Refused(ProtocolError, SW-1)",
            WakeLine("1", A), "Routed(Selector, SW-1, \"selector table lists BrandA\")", UpToAuthReq);
        x.That("E7 through the proxy, DualSig", One(Master(Embodiment.E7, Msw(), Ssw(1, A)) with { Knowledge = new Knowledge.BrandTable(Table(("SSW-1", [A]))) }, UserScript.Silent,
            Wake("1", A, new WakeUpDefect.Tampered(TamperSite.DualSig))), "Refused(ProtocolError, SSW-1)", WakeLine("1", A),
            "Routed(MSW, SSW-1, \"brand info lists BrandA\")", "ProxyHop(MSW -> SSW-1)", UpToPReq);
        // A defect in a purchase that never starts changes nothing.
        x.That("E3 tamper but no capable wallet", One(t, UserScript.Silent, Wake("1", B, new WakeUpDefect.Tampered(TamperSite.PI))), "Refused(NoCapableWallet)", WakeLine("1", B));
        return x.Result("tampering");
    }
}
