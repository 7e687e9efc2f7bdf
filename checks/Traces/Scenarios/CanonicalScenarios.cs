using MultiWallet.Checks.Tampering;
using MultiWallet.Impl.Client.Selection;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;
using static MultiWallet.Checks.Traces.Scenarios.Expected;
using static MultiWallet.Impl.Protocol.RefusalReason;

namespace MultiWallet.Checks.Traces.Scenarios;

/// <summary>
/// The canonical scenarios whose traces are snapshot-verified. Every expected outcome is written by hand from
/// shared/SPEC.md (embodiment table) and docs/DECISIONS.md (edge cases); the comment on each says which rule.
/// Patent examples: SW-1 pays brand A and SW-2 brand B (E1–E6); the MSW holds A and SSW-1 holds B (E7–E12).
/// </summary>
public static class CanonicalScenarios
{
    private const string A = "BrandA", B = "BrandB", C = "BrandC";

    private static WalletConfig W(string name, params string[] held) => new(name, held);
    private static WalletConfig Down(string name, params string[] held) => new(name, held, Down: true);
    private static readonly WalletConfig Sw1 = W("SW-1", A), Sw2 = W("SW-2", B), Msw = W("MSW", A), Ssw1 = W("SSW-1", B);

    private static WakeUpStep Wake(string lidM, string brand, Expected e) => new(lidM, brand, e);
    private static TraceScenario S(string name, string summary, TopologyConfig t, string?[] answers, params WakeUpStep[] wakeUps) => new(name, summary, t, answers, wakeUps);

    /// <summary>Rewrites the first PReq sent to the merchant (a man in the middle on the client side).</summary>
    private static Action<TraceScenarioRun> TamperPReq(Func<PReq, PReq> edit) => run =>
        run.World.Network.Garble(m => m.Kind == PReq.Kind && m.To == Address.Merchant, m => m with { Body = edit(PReq.Decode(m.Body)).Encode() });

    public static readonly IReadOnlyList<TraceScenario> All =
    [
        // ---- patent examples (SPEC.md §2) ----
        S("E1-patent-example", "user registers SW-1 ahead of time; A paid by SW-1; B refused by SW-1 (DECISIONS E1: registered SW lacks brand)",
            new("E1", [Sw1, Sw2]), ["SW-1"],
            Wake("ORD-1", A, PaidBy("SW-1", A)), Wake("ORD-2", B, Refused(BrandNotHeld, "SW-1"))),
        S("E2-patent-example", "user picks SW-1 for A and SW-2 for B at wake-up",
            new("E2", [Sw1, Sw2]), ["SW-1", "SW-2"],
            Wake("ORD-1", A, PaidBy("SW-1", A)), Wake("ORD-2", B, PaidBy("SW-2", B))),
        S("E3-patent-example", "selector's brand table routes A to SW-1, B to SW-2",
            new("E3", [Sw1, Sw2]) { Knowledge = new KnowledgeConfig.BrandTable([("SW-1", [A]), ("SW-2", [B])]) }, [],
            Wake("ORD-1", A, PaidBy("SW-1", A)), Wake("ORD-2", B, PaidBy("SW-2", B))),
        S("E4-patent-example", "brand information inside each installed WUM routes A to SW-1, B to SW-2",
            new("E4", [Sw1, Sw2]) { Knowledge = new KnowledgeConfig.InstalledWums([("SW-1", 1, [A]), ("SW-2", 1, [B])]) }, [],
            Wake("ORD-1", A, PaidBy("SW-1", A)), Wake("ORD-2", B, PaidBy("SW-2", B))),
        S("E5-patent-example", "selector queries the SWs live; A to SW-1, B to SW-2",
            new("E5", [Sw1, Sw2]), [],
            Wake("ORD-1", A, PaidBy("SW-1", A)), Wake("ORD-2", B, PaidBy("SW-2", B))),
        S("E6-patent-example", "one multi-server WUM queries both SWs; A with SW-1, B with SW-2",
            new("E6", [Sw1, Sw2]), [],
            Wake("ORD-1", A, PaidBy("SW-1", A)), Wake("ORD-2", B, PaidBy("SW-2", B))),
        S("E7-patent-example", "MSW pays A itself; B proxied by the virtual WUM to SSW-1 (MSW brand information)",
            new("E7", [Ssw1], Msw) { Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", [B])]) }, [],
            Wake("ORD-1", A, PaidBy("MSW", A)), Wake("ORD-2", B, PaidBy("SSW-1", B))),
        S("E8-patent-example", "MSW pays A itself; acquires SSW-1's B certificate for the order and pays B itself, then erases it",
            new("E8", [Ssw1], Msw) { Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", [B])]) }, [],
            Wake("ORD-1", A, PaidBy("MSW", A)), Wake("ORD-2", B, PaidBy("MSW", B))),
        S("E9-patent-example", "MSW offers its SSW information; the user picks SSW-1; B proxied",
            new("E9", [Ssw1], Msw) { Knowledge = new KnowledgeConfig.SswList(["SSW-1"]) }, ["SSW-1"],
            Wake("ORD-1", B, PaidBy("SSW-1", B))),
        S("E10-patent-example", "the user types ssw://SSW-1; B proxied there",
            new("E10", [Ssw1], Msw), ["ssw://SSW-1"],
            Wake("ORD-1", B, PaidBy("SSW-1", B))),
        S("E11-patent-example", "WUM sends SSW-1's brand information with the wake-up; MSW pays A itself and proxies B",
            new("E11", [Ssw1], Msw) { Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", [B])]) }, [],
            Wake("ORD-1", A, PaidBy("MSW", A)), Wake("ORD-2", B, PaidBy("SSW-1", B))),
        S("E12-patent-example", "WUM sends its SSW information; MSW offers it; the user picks SSW-1; B proxied",
            new("E12", [Ssw1], Msw) { Knowledge = new KnowledgeConfig.SswList(["SSW-1"]) }, ["SSW-1"],
            Wake("ORD-1", B, PaidBy("SSW-1", B))),

        // ---- no capable wallet (DECISIONS: NoCapableWallet, no PInitReq) ----
        S("E3-no-capable-wallet", "no WUM in the selector's table lists C",
            new("E3", [Sw1, Sw2]) { Knowledge = new KnowledgeConfig.BrandTable([("SW-1", [A]), ("SW-2", [B])]) }, [],
            Wake("ORD-1", C, Refused(NoCapableWallet))),
        S("E5-no-capable-wallet", "no SW answers the live query with C",
            new("E5", [Sw1, Sw2]), [],
            Wake("ORD-1", C, Refused(NoCapableWallet))),
        S("E7-no-capable-wallet", "MSW lacks C and its brand information names no SSW with C",
            new("E7", [Ssw1], Msw) { Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", [B])]) }, [],
            Wake("ORD-1", C, Refused(NoCapableWallet))),

        // ---- wrong user choice ----
        S("E1-no-registration", "the user registers nothing before paying (DECISIONS NoChoice)",
            new("E1", [Sw1, Sw2]), [],
            Wake("ORD-1", A, Refused(NoChoice))),
        S("E2-choice-lacks-brand", "the user picks SW-2 for A: SW-2 refuses before PInitReq, never pays with another brand",
            new("E2", [Sw1, Sw2]), ["SW-2"],
            Wake("ORD-1", A, Refused(BrandNotHeld, "SW-2"))),
        S("E2-choice-not-offered", "the user answers SW-9, which was not offered (DECISIONS InvalidChoice)",
            new("E2", [Sw1, Sw2]), ["SW-9"],
            Wake("ORD-1", A, Refused(InvalidChoice))),
        S("E9-choice-not-offered", "the user answers SSW-2, not in the MSW's SSW information",
            new("E9", [Ssw1, W("SSW-2", B)], Msw) { Knowledge = new KnowledgeConfig.SswList(["SSW-1"]) }, ["SSW-2"],
            Wake("ORD-1", B, Refused(InvalidChoice))),
        S("E9-no-choice", "the user picks nothing (DECISIONS NoChoice)",
            new("E9", [Ssw1], Msw) { Knowledge = new KnowledgeConfig.SswList(["SSW-1"]) }, [null],
            Wake("ORD-1", B, Refused(NoChoice))),
        S("E12-no-choice", "the user picks nothing among the WUM's SSW information",
            new("E12", [Ssw1], Msw) { Knowledge = new KnowledgeConfig.SswList(["SSW-1"]) }, [null],
            Wake("ORD-1", B, Refused(NoChoice))),

        // ---- unreachable wallets ----
        S("E5-skip-unreachable", "SW-1 (A) is down: skipped, the next capable SW-3 pays",
            new("E5", [Down("SW-1", A), Sw2, W("SW-3", A)]), [],
            Wake("ORD-1", A, PaidBy("SW-3", A))),
        S("E6-all-capable-down", "the only SW holding A is down: every capable one skipped -> NoCapableWallet",
            new("E6", [Down("SW-1", A), Sw2]), [],
            Wake("ORD-1", A, Refused(NoCapableWallet))),
        S("E2-chosen-down", "the user picks SW-1, which is down: the single allowed wallet -> WalletUnreachable",
            new("E2", [Down("SW-1", A), Sw2]), ["SW-1"],
            Wake("ORD-1", A, Refused(WalletUnreachable, "SW-1"))),
        S("E7-first-ssw-down", "SSW-1 and SSW-2 both listed with B; SSW-1 is down: skipped, SSW-2 pays",
            new("E7", [Down("SSW-1", B), W("SSW-2", B)], Msw) { Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", [B]), ("SSW-2", [B])]) }, [],
            Wake("ORD-1", B, PaidBy("SSW-2", B))),

        // ---- lying brand information (no fallback) ----
        S("E3-table-lies", "table says SW-1 holds C (it holds A), SW-2 really holds C: SW-1 refuses, no fallback to SW-2",
            new("E3", [Sw1, W("SW-2", C)]) { Knowledge = new KnowledgeConfig.BrandTable([("SW-1", [A, C]), ("SW-2", [C])]) }, [],
            Wake("ORD-1", C, Refused(BrandNotHeld, "SW-1"))),
        S("E11-forged-client-info", "the WUM's information claims SSW-1 holds C: routed there, SSW-1 refuses",
            new("E11", [Ssw1], Msw) { Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", [B, C])]) }, [],
            Wake("ORD-1", C, Refused(BrandNotHeld, "SSW-1"))),

        // ---- E8 custody refusals ----
        S("E8-ssw-lacks-brand", "MSW's brand information lists SSW-1 with C, SSW-1 holds only B: custodian refuses the release",
            new("E8", [Ssw1], Msw) { Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", [B, C])]) }, [],
            Wake("ORD-1", C, Refused(CredentialRefused, causeContains: "BrandNotHeld"))),
        S("E8-second-use-same-order", "a second PC's WUM sends the same order to the MSW: the SSW releases at most once per order",
            new("E8", [Ssw1], Msw) { Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", [B])]) }, [],
            Wake("ORD-1", B, PaidBy("MSW", B)),
            Wake("ORD-1", B, Refused(CredentialRefused, causeContains: "AlreadyReleased")) with
            {
                BeforeNote = "a second user PC (WUM-2 paired to MSW) sends the same wake-up",
                Via = run => run.World.NewWum("MSW", "WUM-2"),
            }),

        // ---- E10 addresses ----
        S("E10-unknown-address", "the user types ssw://SSW-9: parses, names no slave wallet",
            new("E10", [Ssw1], Msw), ["ssw://SSW-9"],
            Wake("ORD-1", B, Refused(UnknownAddress))),
        S("E10-malformed-address", "the user types 'SSW 1' (no ssw:// form)",
            new("E10", [Ssw1], Msw), ["SSW 1"],
            Wake("ORD-1", B, Refused(MalformedAddress))),

        // ---- replay and tampering ----
        S("E3-replayed-order", "the same wake-up twice: the selector refuses the second (Replay), nothing sent",
            new("E3", [Sw1, Sw2]) { Knowledge = new KnowledgeConfig.BrandTable([("SW-1", [A]), ("SW-2", [B])]) }, [],
            Wake("ORD-1", A, PaidBy("SW-1", A)), Wake("ORD-1", A, Refused(Replay))),
        S("E1-tampered-oi", "a flipped byte in OIData on the way to the merchant: dual signature fails at the merchant (its log names it; the wallet gets the uniform answer)",
            new("E1", [Sw1, Sw2]), ["SW-1"],
            Wake("ORD-1", A, Refused(ProtocolError, causeContains: "request rejected at merchant")) with
            {
                BeforeNote = "fault: OIData salt flipped in the PReq to the merchant",
                Before = TamperPReq(p => PReqTampering.Apply(p, MultiWallet.Model.Vocabulary.TamperSite.OI)),
            }),
        S("E7-tampered-pi", "a flipped byte in the encrypted PI of a proxied purchase: the merchant cannot see it, the gateway's tag check fails (its log names it), the merchant closes the order and gives the uniform answer",
            new("E7", [Ssw1], Msw) { Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", [B])]) }, [],
            Wake("ORD-1", B, Refused(ProtocolError, causeContains: "request rejected at merchant")) with
            {
                BeforeNote = "fault: one byte of the PI envelope flipped in the PReq to the merchant",
                Before = TamperPReq(p => PReqTampering.Apply(p, MultiWallet.Model.Vocabulary.TamperSite.PI)),
            }),

        // ---- several capable wallets: first in registration order ----
        S("E3-several-capable", "SW-1 and SW-2 both listed (and holding) A: SW-1, first registered",
            new("E3", [Sw1, W("SW-2", A, B)]) { Knowledge = new KnowledgeConfig.BrandTable([("SW-1", [A]), ("SW-2", [A, B])]) }, [],
            Wake("ORD-1", A, PaidBy("SW-1", A))),
        S("E6-several-capable", "SW-1 and SW-2 both hold A: the multi-server WUM uses SW-1",
            new("E6", [Sw1, W("SW-2", A, B)]), [],
            Wake("ORD-1", A, PaidBy("SW-1", A))),
        S("E7-several-capable", "SSW-1 and SSW-2 both listed with B: SSW-1",
            new("E7", [Ssw1, W("SSW-2", B)], Msw) { Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", [B]), ("SSW-2", [B])]) }, [],
            Wake("ORD-1", B, PaidBy("SSW-1", B))),

        // ---- live information (INV-LIVE) ----
        S("E4-wum-update", "SW-2 really holds B and C; WUM v1 says B only: C refused; after installing v2 (B, C) C is paid by SW-2",
            new("E4", [Sw1, W("SW-2", B, C)]) { Knowledge = new KnowledgeConfig.InstalledWums([("SW-1", 1, [A]), ("SW-2", 1, [B])]) }, [],
            Wake("ORD-1", C, Refused(NoCapableWallet)),
            Wake("ORD-2", C, PaidBy("SW-2", C)) with
            {
                BeforeNote = "WUM for SW-2 re-downloaded: v2 carries brands B, C",
                Before = run => run.Embodiment.Installation!.Install(new BrandCarryingWum("SW-2", 2, new HashSet<string> { B, C })),
            }),
        S("E5-brand-change", "SW-1 gains C at the server only: the next wake-up routes C to SW-1",
            new("E5", [Sw1, Sw2]), [],
            Wake("ORD-1", C, Refused(NoCapableWallet)),
            Wake("ORD-2", C, PaidBy("SW-1", C)) with
            {
                BeforeNote = "SW-1's brands changed at the server to A, C",
                Before = run => run.Embodiment.ChangeBrands("SW-1", [A, C]),
            }),

        // ---- the MSW pays itself when it holds the brand (no slave, no question) ----
        S("E9-msw-pays-itself", "MSW holds A: paid by the MSW, the user is not asked",
            new("E9", [Ssw1], Msw) { Knowledge = new KnowledgeConfig.SswList(["SSW-1"]) }, [],
            Wake("ORD-1", A, PaidBy("MSW", A))),
        S("E10-msw-pays-itself", "MSW holds A: paid by the MSW, no address asked",
            new("E10", [Ssw1], Msw), [],
            Wake("ORD-1", A, PaidBy("MSW", A))),
        S("E12-msw-pays-itself", "MSW holds A: paid by the MSW although the WUM sent SSW information",
            new("E12", [Ssw1], Msw) { Knowledge = new KnowledgeConfig.SswList(["SSW-1"]) }, [],
            Wake("ORD-1", A, PaidBy("MSW", A))),

        // ---- more decided edge cases ----
        S("E6-unknown-brand", "a wake-up naming BrandZ (not a known brand): UnknownBrand, nothing sent, nothing remembered; the same order then pays",
            new("E6", [Sw1, Sw2]), [],
            Wake("ORD-1", "BrandZ", Refused(UnknownBrand)) with
            {
                BeforeNote = "hand-made wake-up for ORD-1 naming BrandZ",
                RawWakeUp = () => new WakeUp(PaymentWorld.MerchantId, "ORD-1", "1 x book", 12_800, "JPY", "BrandZ").Encode(),
            },
            Wake("ORD-1", A, PaidBy("SW-1", A))),
        S("E6-malformed-wakeup", "a truncated wake-up: MalformedWakeUp, nothing sent; the same order then pays",
            new("E6", [Sw1, Sw2]), [],
            Wake("ORD-1", A, Refused(MalformedWakeUp)) with
            {
                BeforeNote = "the wake-up for ORD-1 truncated by 7 bytes",
                RawWakeUp = () => new WakeUp(PaymentWorld.MerchantId, "ORD-1", "1 x book", 12_800, "JPY", A).Encode()[..^7],
            },
            Wake("ORD-1", A, PaidBy("SW-1", A))),
        S("E6-first-capable-down", "SW-1 and SW-2 hold A, SW-1 is down: skipped, SW-2 pays",
            new("E6", [Down("SW-1", A), W("SW-2", A, B)]), [],
            Wake("ORD-1", A, PaidBy("SW-2", A))),
        S("E7-replayed-order", "the same wake-up twice through the WUM in front of the MSW: the WUM refuses the second (Replay)",
            new("E7", [Ssw1], Msw) { Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", [B])]) }, [],
            Wake("ORD-1", B, PaidBy("SSW-1", B)), Wake("ORD-1", B, Refused(Replay))),
        S("E8-no-capable-wallet", "MSW lacks C and its brand information names no SSW with C",
            new("E8", [Ssw1], Msw) { Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", [B])]) }, [],
            Wake("ORD-1", C, Refused(NoCapableWallet))),
        S("E9-choice-lacks-brand", "SSW information [SSW-1, SSW-2] offered in registration order; the user picks SSW-1, which lacks B",
            new("E9", [W("SSW-1", C), W("SSW-2", B)], Msw) { Knowledge = new KnowledgeConfig.SswList(["SSW-1", "SSW-2"]) }, ["SSW-1"],
            Wake("ORD-1", B, Refused(BrandNotHeld, "SSW-1"))),
        S("E9-chosen-down", "the user picks SSW-1, which is down: WalletUnreachable (the single wallet the route allows)",
            new("E9", [Down("SSW-1", B)], Msw) { Knowledge = new KnowledgeConfig.SswList(["SSW-1"]) }, ["SSW-1"],
            Wake("ORD-1", B, Refused(WalletUnreachable, "SSW-1"))),
        S("E10-typed-lacks-brand", "the user types ssw://SSW-1, which holds B, for a C payment",
            new("E10", [Ssw1], Msw), ["ssw://SSW-1"],
            Wake("ORD-1", C, Refused(BrandNotHeld, "SSW-1"))),
        S("E10-no-address", "the user types nothing (DECISIONS NoChoice)",
            new("E10", [Ssw1], Msw), [null],
            Wake("ORD-1", B, Refused(NoChoice))),
        S("E10-typed-down", "the user types ssw://SSW-1, which is down: WalletUnreachable",
            new("E10", [Down("SSW-1", B)], Msw), ["ssw://SSW-1"],
            Wake("ORD-1", B, Refused(WalletUnreachable, "SSW-1"))),
        S("E11-no-capable-wallet", "the WUM's brand information names no SSW with C",
            new("E11", [Ssw1], Msw) { Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", [B])]) }, [],
            Wake("ORD-1", C, Refused(NoCapableWallet))),
        S("E12-choice-not-offered", "the user answers SSW-2, not in the WUM's SSW information",
            new("E12", [Ssw1, W("SSW-2", B)], Msw) { Knowledge = new KnowledgeConfig.SswList(["SSW-1"]) }, ["SSW-2"],
            Wake("ORD-1", B, Refused(InvalidChoice))),
        S("E12-choice-lacks-brand", "the user picks SSW-1 (holds C) from the WUM's SSW information for a B payment",
            new("E12", [W("SSW-1", C), W("SSW-2", B)], Msw) { Knowledge = new KnowledgeConfig.SswList(["SSW-1", "SSW-2"]) }, ["SSW-1"],
            Wake("ORD-1", B, Refused(BrandNotHeld, "SSW-1"))),
        // ---- faults and recovery (INV-EXACTLY-ONCE-UNDER-FAULTS): inquiry, authorization inquiry, reversal ----
        S("E1-authres-late", "the gateway authorizes but its AuthRes comes after the merchant's timeout: OrderReceived, the wallet inquires, the merchant asks the gateway, Paid once",
            new("E1", [Sw1, Sw2]), ["SW-1"],
            Wake("ORD-1", A, PaidBy("SW-1", A)) with
            {
                BeforeNote = "fault: the AuthRes to the merchant's AuthReq arrives after the merchant's timeout",
                Before = run => run.World.Network.Delay(m => m.Kind == AuthReqPayload.Kind),
            }),
        S("E1-abandon-reversed", "authorized, AuthRes late, gateway unreachable for the inquiry: the merchant abandons and reverses; the user is told not paid",
            new("E1", [Sw1, Sw2]), ["SW-1"],
            Wake("ORD-1", A, Refused(ProtocolError, causeContains: "cancelled by merchant")) with
            {
                BeforeNote = "fault: the AuthRes arrives after the merchant's timeout, and the merchant's AuthInqReq is lost",
                Before = run => run.World.Network.Delay(m => m.Kind == AuthReqPayload.Kind).Drop(m => m.Kind == AuthInqReq.Kind),
            }),
        S("E7-pres-lost", "a proxied purchase whose PRes is lost: the slave's inquiry, relayed untouched by the master, learns Paid",
            new("E7", [Ssw1], Msw) { Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", [B])]) }, [],
            Wake("ORD-1", B, PaidBy("SSW-1", B)) with
            {
                BeforeNote = "fault: the merchant's PRes is lost (the PReq was handled; its answer came after the client's timeout)",
                Before = run => run.World.Network.Delay(m => m.Kind == PReq.Kind),
            }),
        S("E1-declined", "the gateway declines amounts above 10000: Declined, no authorization",
            new("E1", [Sw1, Sw2]), ["SW-1"],
            Wake("ORD-1", A, Refused(Declined)) with
            {
                BeforeNote = "gateway set to decline any amount above 10000",
                Before = run => run.World.Gateway.DeclineAbove = 10_000,
            }),
    ];

    public static TraceScenario Get(string name) => All.Single(s => s.Name == name);
}
