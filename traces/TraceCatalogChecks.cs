using MultiWallet.Properties.Catalog;

namespace MultiWallet.Traces;

/// <summary>The canonical scenarios as catalog checks (Kind "trace"), so the audit command runs them and reports their diagrams.</summary>
internal static class TraceCatalogChecks
{
    [Check("TRACE-E1-PATENT-EXAMPLE", Title = "E1 patent example: registered SW-1 pays A, refuses B; trace matches the committed snapshot", Requirements = ["E1", "C1", "C2", "INV-ROUTE-SOUND", "INV-OFFER"], Embodiments = ["E1"], Kind = "trace")]
    public static CheckOutcome T_E1_patent_example(CheckContext ctx) => TraceVerification.Check(ctx, "E1-patent-example");

    [Check("TRACE-E2-PATENT-EXAMPLE", Title = "E2 patent example: the user picks SW-1 for A, SW-2 for B; trace matches the committed snapshot", Requirements = ["E2", "C1", "C3", "INV-ROUTE-SOUND", "INV-OFFER"], Embodiments = ["E2"], Kind = "trace")]
    public static CheckOutcome T_E2_patent_example(CheckContext ctx) => TraceVerification.Check(ctx, "E2-patent-example");

    [Check("TRACE-E3-PATENT-EXAMPLE", Title = "E3 patent example: the selector's table routes A and B; trace matches the committed snapshot", Requirements = ["E3", "C1", "C4", "INV-ROUTE-SOUND", "INV-ROUTE-COMPLETE"], Embodiments = ["E3"], Kind = "trace")]
    public static CheckOutcome T_E3_patent_example(CheckContext ctx) => TraceVerification.Check(ctx, "E3-patent-example");

    [Check("TRACE-E4-PATENT-EXAMPLE", Title = "E4 patent example: WUM-carried brand information routes A and B; trace matches the committed snapshot", Requirements = ["E4", "C1", "C5", "INV-ROUTE-SOUND", "INV-ROUTE-COMPLETE"], Embodiments = ["E4"], Kind = "trace")]
    public static CheckOutcome T_E4_patent_example(CheckContext ctx) => TraceVerification.Check(ctx, "E4-patent-example");

    [Check("TRACE-E5-PATENT-EXAMPLE", Title = "E5 patent example: live brand queries route A and B; trace matches the committed snapshot", Requirements = ["E5", "C1", "C6", "INV-ROUTE-SOUND", "INV-LIVE"], Embodiments = ["E5"], Kind = "trace")]
    public static CheckOutcome T_E5_patent_example(CheckContext ctx) => TraceVerification.Check(ctx, "E5-patent-example");

    [Check("TRACE-E6-PATENT-EXAMPLE", Title = "E6 patent example: the multi-server WUM pays A with SW-1, B with SW-2; trace matches the committed snapshot", Requirements = ["E6", "C7", "INV-ROUTE-SOUND", "INV-LIVE"], Embodiments = ["E6"], Kind = "trace")]
    public static CheckOutcome T_E6_patent_example(CheckContext ctx) => TraceVerification.Check(ctx, "E6-patent-example");

    [Check("TRACE-E7-PATENT-EXAMPLE", Title = "E7 patent example: MSW pays A, proxies B to SSW-1; trace matches the committed snapshot", Requirements = ["E7", "C8", "INV-PROXY-TRANSPARENT", "INV-ROUTE-SOUND"], Embodiments = ["E7"], Kind = "trace")]
    public static CheckOutcome T_E7_patent_example(CheckContext ctx) => TraceVerification.Check(ctx, "E7-patent-example");

    [Check("TRACE-E8-PATENT-EXAMPLE", Title = "E8 patent example: MSW acquires SSW-1's B credential, pays, erases; trace matches the committed snapshot", Requirements = ["E8", "C9", "INV-CUSTODY", "INV-ROUTE-SOUND"], Embodiments = ["E8"], Kind = "trace")]
    public static CheckOutcome T_E8_patent_example(CheckContext ctx) => TraceVerification.Check(ctx, "E8-patent-example");

    [Check("TRACE-E9-PATENT-EXAMPLE", Title = "E9 patent example: the user picks SSW-1 from the MSW's SSW information; trace matches the committed snapshot", Requirements = ["E9", "C10", "INV-OFFER", "INV-PROXY-TRANSPARENT"], Embodiments = ["E9"], Kind = "trace")]
    public static CheckOutcome T_E9_patent_example(CheckContext ctx) => TraceVerification.Check(ctx, "E9-patent-example");

    [Check("TRACE-E10-PATENT-EXAMPLE", Title = "E10 patent example: the user types ssw://SSW-1; trace matches the committed snapshot", Requirements = ["E10", "C11", "INV-PROXY-TRANSPARENT"], Embodiments = ["E10"], Kind = "trace")]
    public static CheckOutcome T_E10_patent_example(CheckContext ctx) => TraceVerification.Check(ctx, "E10-patent-example");

    [Check("TRACE-E11-PATENT-EXAMPLE", Title = "E11 patent example: brand information sent with the wake-up routes B to SSW-1; trace matches the committed snapshot", Requirements = ["E11", "C12", "INV-PROXY-TRANSPARENT", "INV-ROUTE-SOUND"], Embodiments = ["E11"], Kind = "trace")]
    public static CheckOutcome T_E11_patent_example(CheckContext ctx) => TraceVerification.Check(ctx, "E11-patent-example");

    [Check("TRACE-E12-PATENT-EXAMPLE", Title = "E12 patent example: the user picks SSW-1 from the WUM's SSW information; trace matches the committed snapshot", Requirements = ["E12", "C13", "INV-OFFER", "INV-PROXY-TRANSPARENT"], Embodiments = ["E12"], Kind = "trace")]
    public static CheckOutcome T_E12_patent_example(CheckContext ctx) => TraceVerification.Check(ctx, "E12-patent-example");

    [Check("TRACE-E3-NO-CAPABLE-WALLET", Title = "E3: no capable wallet in the table -> NoCapableWallet, no PInitReq; trace matches the committed snapshot", Requirements = ["E3", "INV-ROUTE-COMPLETE"], Embodiments = ["E3"], Kind = "trace")]
    public static CheckOutcome T_E3_no_capable_wallet(CheckContext ctx) => TraceVerification.Check(ctx, "E3-no-capable-wallet");

    [Check("TRACE-E5-NO-CAPABLE-WALLET", Title = "E5: no SW reports the brand -> NoCapableWallet; trace matches the committed snapshot", Requirements = ["E5", "INV-ROUTE-COMPLETE"], Embodiments = ["E5"], Kind = "trace")]
    public static CheckOutcome T_E5_no_capable_wallet(CheckContext ctx) => TraceVerification.Check(ctx, "E5-no-capable-wallet");

    [Check("TRACE-E7-NO-CAPABLE-WALLET", Title = "E7: MSW lacks the brand and knows no SSW with it -> NoCapableWallet; trace matches the committed snapshot", Requirements = ["E7", "INV-ROUTE-COMPLETE"], Embodiments = ["E7"], Kind = "trace")]
    public static CheckOutcome T_E7_no_capable_wallet(CheckContext ctx) => TraceVerification.Check(ctx, "E7-no-capable-wallet");

    [Check("TRACE-E1-NO-REGISTRATION", Title = "E1: nothing registered -> NoChoice; trace matches the committed snapshot", Requirements = ["E1", "INV-OFFER"], Embodiments = ["E1"], Kind = "trace")]
    public static CheckOutcome T_E1_no_registration(CheckContext ctx) => TraceVerification.Check(ctx, "E1-no-registration");

    [Check("TRACE-E2-CHOICE-LACKS-BRAND", Title = "E2: the user picks a SW lacking the brand -> BrandNotHeld, no other brand; trace matches the committed snapshot", Requirements = ["E2", "INV-OFFER", "INV-ROUTE-SOUND"], Embodiments = ["E2"], Kind = "trace")]
    public static CheckOutcome T_E2_choice_lacks_brand(CheckContext ctx) => TraceVerification.Check(ctx, "E2-choice-lacks-brand");

    [Check("TRACE-E2-CHOICE-NOT-OFFERED", Title = "E2: the user picks something not offered -> InvalidChoice; trace matches the committed snapshot", Requirements = ["E2", "INV-OFFER"], Embodiments = ["E2"], Kind = "trace")]
    public static CheckOutcome T_E2_choice_not_offered(CheckContext ctx) => TraceVerification.Check(ctx, "E2-choice-not-offered");

    [Check("TRACE-E9-CHOICE-NOT-OFFERED", Title = "E9: the user picks an SSW not offered -> InvalidChoice; trace matches the committed snapshot", Requirements = ["E9", "INV-OFFER"], Embodiments = ["E9"], Kind = "trace")]
    public static CheckOutcome T_E9_choice_not_offered(CheckContext ctx) => TraceVerification.Check(ctx, "E9-choice-not-offered");

    [Check("TRACE-E9-NO-CHOICE", Title = "E9: the user picks nothing -> NoChoice; trace matches the committed snapshot", Requirements = ["E9", "INV-OFFER"], Embodiments = ["E9"], Kind = "trace")]
    public static CheckOutcome T_E9_no_choice(CheckContext ctx) => TraceVerification.Check(ctx, "E9-no-choice");

    [Check("TRACE-E12-NO-CHOICE", Title = "E12: the user picks nothing -> NoChoice; trace matches the committed snapshot", Requirements = ["E12", "INV-OFFER"], Embodiments = ["E12"], Kind = "trace")]
    public static CheckOutcome T_E12_no_choice(CheckContext ctx) => TraceVerification.Check(ctx, "E12-no-choice");

    [Check("TRACE-E5-SKIP-UNREACHABLE", Title = "E5: an unreachable capable SW is skipped, the next capable pays; trace matches the committed snapshot", Requirements = ["E5", "INV-ROUTE-COMPLETE"], Embodiments = ["E5"], Kind = "trace")]
    public static CheckOutcome T_E5_skip_unreachable(CheckContext ctx) => TraceVerification.Check(ctx, "E5-skip-unreachable");

    [Check("TRACE-E6-ALL-CAPABLE-DOWN", Title = "E6: every capable SW down -> NoCapableWallet; trace matches the committed snapshot", Requirements = ["E6", "INV-ROUTE-COMPLETE"], Embodiments = ["E6"], Kind = "trace")]
    public static CheckOutcome T_E6_all_capable_down(CheckContext ctx) => TraceVerification.Check(ctx, "E6-all-capable-down");

    [Check("TRACE-E2-CHOSEN-DOWN", Title = "E2: the chosen SW is down -> WalletUnreachable; trace matches the committed snapshot", Requirements = ["E2", "INV-ROUTE-COMPLETE"], Embodiments = ["E2"], Kind = "trace")]
    public static CheckOutcome T_E2_chosen_down(CheckContext ctx) => TraceVerification.Check(ctx, "E2-chosen-down");

    [Check("TRACE-E7-FIRST-SSW-DOWN", Title = "E7: the first capable SSW is down, the next one pays; trace matches the committed snapshot", Requirements = ["E7", "INV-ROUTE-COMPLETE"], Embodiments = ["E7"], Kind = "trace")]
    public static CheckOutcome T_E7_first_ssw_down(CheckContext ctx) => TraceVerification.Check(ctx, "E7-first-ssw-down");

    [Check("TRACE-E3-TABLE-LIES", Title = "E3: a lying table -> BrandNotHeld, no fallback; trace matches the committed snapshot", Requirements = ["E3", "INV-ROUTE-SOUND"], Embodiments = ["E3"], Kind = "trace")]
    public static CheckOutcome T_E3_table_lies(CheckContext ctx) => TraceVerification.Check(ctx, "E3-table-lies");

    [Check("TRACE-E11-FORGED-CLIENT-INFO", Title = "E11: forged client brand information -> BrandNotHeld at the SSW; trace matches the committed snapshot", Requirements = ["E11", "INV-ROUTE-SOUND"], Embodiments = ["E11"], Kind = "trace")]
    public static CheckOutcome T_E11_forged_client_info(CheckContext ctx) => TraceVerification.Check(ctx, "E11-forged-client-info");

    [Check("TRACE-E8-SSW-LACKS-BRAND", Title = "E8: SSW lacks the brand -> CredentialRefused; trace matches the committed snapshot", Requirements = ["E8", "INV-CUSTODY"], Embodiments = ["E8"], Kind = "trace")]
    public static CheckOutcome T_E8_ssw_lacks_brand(CheckContext ctx) => TraceVerification.Check(ctx, "E8-ssw-lacks-brand");

    [Check("TRACE-E8-SECOND-USE-SAME-ORDER", Title = "E8: second release for the same order -> CredentialRefused(AlreadyReleased); trace matches the committed snapshot", Requirements = ["E8", "INV-CUSTODY", "INV-ONCE"], Embodiments = ["E8"], Kind = "trace")]
    public static CheckOutcome T_E8_second_use_same_order(CheckContext ctx) => TraceVerification.Check(ctx, "E8-second-use-same-order");

    [Check("TRACE-E10-UNKNOWN-ADDRESS", Title = "E10: typed address names no SSW -> UnknownAddress; trace matches the committed snapshot", Requirements = ["E10", "INV-BAD-INPUT"], Embodiments = ["E10"], Kind = "trace")]
    public static CheckOutcome T_E10_unknown_address(CheckContext ctx) => TraceVerification.Check(ctx, "E10-unknown-address");

    [Check("TRACE-E10-MALFORMED-ADDRESS", Title = "E10: typed address does not parse -> MalformedAddress; trace matches the committed snapshot", Requirements = ["E10", "INV-BAD-INPUT"], Embodiments = ["E10"], Kind = "trace")]
    public static CheckOutcome T_E10_malformed_address(CheckContext ctx) => TraceVerification.Check(ctx, "E10-malformed-address");

    [Check("TRACE-E3-REPLAYED-ORDER", Title = "replayed wake-up refused at the selector, one authorization; trace matches the committed snapshot", Requirements = ["E3", "INV-ONCE"], Embodiments = ["E3"], Kind = "trace")]
    public static CheckOutcome T_E3_replayed_order(CheckContext ctx) => TraceVerification.Check(ctx, "E3-replayed-order");

    [Check("TRACE-E1-TAMPERED-OI", Title = "tampered OIData rejected at the merchant, no authorization; trace matches the committed snapshot", Requirements = ["E1", "INV-BAD-INPUT", "INV-DUAL-SIG"], Embodiments = ["E1"], Kind = "trace")]
    public static CheckOutcome T_E1_tampered_oi(CheckContext ctx) => TraceVerification.Check(ctx, "E1-tampered-oi");

    [Check("TRACE-E7-TAMPERED-PI", Title = "tampered PI of a proxied purchase rejected at the gateway; trace matches the committed snapshot", Requirements = ["E7", "INV-BAD-INPUT", "INV-DUAL-SIG", "INV-CUSTODY"], Embodiments = ["E7"], Kind = "trace")]
    public static CheckOutcome T_E7_tampered_pi(CheckContext ctx) => TraceVerification.Check(ctx, "E7-tampered-pi");

    [Check("TRACE-E3-SEVERAL-CAPABLE", Title = "E3: several capable wallets -> the first registered; trace matches the committed snapshot", Requirements = ["E3", "INV-ROUTE-SOUND"], Embodiments = ["E3"], Kind = "trace")]
    public static CheckOutcome T_E3_several_capable(CheckContext ctx) => TraceVerification.Check(ctx, "E3-several-capable");

    [Check("TRACE-E6-SEVERAL-CAPABLE", Title = "E6: several capable wallets -> the first registered; trace matches the committed snapshot", Requirements = ["E6", "INV-ROUTE-SOUND"], Embodiments = ["E6"], Kind = "trace")]
    public static CheckOutcome T_E6_several_capable(CheckContext ctx) => TraceVerification.Check(ctx, "E6-several-capable");

    [Check("TRACE-E7-SEVERAL-CAPABLE", Title = "E7: several capable SSWs -> the first registered; trace matches the committed snapshot", Requirements = ["E7", "INV-ROUTE-SOUND"], Embodiments = ["E7"], Kind = "trace")]
    public static CheckOutcome T_E7_several_capable(CheckContext ctx) => TraceVerification.Check(ctx, "E7-several-capable");

    [Check("TRACE-E4-WUM-UPDATE", Title = "E4: a re-downloaded WUM changes routing from the next wake-up; trace matches the committed snapshot", Requirements = ["E4", "C5", "INV-LIVE"], Embodiments = ["E4"], Kind = "trace")]
    public static CheckOutcome T_E4_wum_update(CheckContext ctx) => TraceVerification.Check(ctx, "E4-wum-update");

    [Check("TRACE-E5-BRAND-CHANGE", Title = "E5: a brand change at the SW takes effect at the next wake-up; trace matches the committed snapshot", Requirements = ["E5", "C6", "INV-LIVE"], Embodiments = ["E5"], Kind = "trace")]
    public static CheckOutcome T_E5_brand_change(CheckContext ctx) => TraceVerification.Check(ctx, "E5-brand-change");

    [Check("TRACE-E9-MSW-PAYS-ITSELF", Title = "E9: the MSW pays itself when it holds the brand; trace matches the committed snapshot", Requirements = ["E9", "INV-ROUTE-SOUND"], Embodiments = ["E9"], Kind = "trace")]
    public static CheckOutcome T_E9_msw_pays_itself(CheckContext ctx) => TraceVerification.Check(ctx, "E9-msw-pays-itself");

    [Check("TRACE-E10-MSW-PAYS-ITSELF", Title = "E10: the MSW pays itself when it holds the brand; trace matches the committed snapshot", Requirements = ["E10", "INV-ROUTE-SOUND"], Embodiments = ["E10"], Kind = "trace")]
    public static CheckOutcome T_E10_msw_pays_itself(CheckContext ctx) => TraceVerification.Check(ctx, "E10-msw-pays-itself");

    [Check("TRACE-E12-MSW-PAYS-ITSELF", Title = "E12: the MSW pays itself when it holds the brand; trace matches the committed snapshot", Requirements = ["E12", "INV-ROUTE-SOUND"], Embodiments = ["E12"], Kind = "trace")]
    public static CheckOutcome T_E12_msw_pays_itself(CheckContext ctx) => TraceVerification.Check(ctx, "E12-msw-pays-itself");
    [Check("TRACE-E6-UNKNOWN-BRAND", Title = "E6: unknown brand refused, nothing sent, nothing remembered; trace matches the committed snapshot", Requirements = ["E6", "INV-BAD-INPUT"], Embodiments = ["E6"], Kind = "trace")]
    public static CheckOutcome T_E6_unknown_brand(CheckContext ctx) => TraceVerification.Check(ctx, "E6-unknown-brand");

    [Check("TRACE-E6-MALFORMED-WAKEUP", Title = "E6: truncated wake-up refused, nothing sent, nothing remembered; trace matches the committed snapshot", Requirements = ["E6", "INV-BAD-INPUT"], Embodiments = ["E6"], Kind = "trace")]
    public static CheckOutcome T_E6_malformed_wakeup(CheckContext ctx) => TraceVerification.Check(ctx, "E6-malformed-wakeup");

    [Check("TRACE-E6-FIRST-CAPABLE-DOWN", Title = "E6: an unreachable capable SW is skipped; trace matches the committed snapshot", Requirements = ["E6", "INV-ROUTE-COMPLETE"], Embodiments = ["E6"], Kind = "trace")]
    public static CheckOutcome T_E6_first_capable_down(CheckContext ctx) => TraceVerification.Check(ctx, "E6-first-capable-down");

    [Check("TRACE-E7-REPLAYED-ORDER", Title = "E7: replayed wake-up refused at the WUM, one authorization; trace matches the committed snapshot", Requirements = ["E7", "INV-ONCE"], Embodiments = ["E7"], Kind = "trace")]
    public static CheckOutcome T_E7_replayed_order(CheckContext ctx) => TraceVerification.Check(ctx, "E7-replayed-order");

    [Check("TRACE-E8-NO-CAPABLE-WALLET", Title = "E8: no SSW with the brand -> NoCapableWallet; trace matches the committed snapshot", Requirements = ["E8", "INV-ROUTE-COMPLETE"], Embodiments = ["E8"], Kind = "trace")]
    public static CheckOutcome T_E8_no_capable_wallet(CheckContext ctx) => TraceVerification.Check(ctx, "E8-no-capable-wallet");

    [Check("TRACE-E9-CHOICE-LACKS-BRAND", Title = "E9: the picked SSW lacks the brand -> BrandNotHeld; trace matches the committed snapshot", Requirements = ["E9", "INV-OFFER", "INV-ROUTE-SOUND"], Embodiments = ["E9"], Kind = "trace")]
    public static CheckOutcome T_E9_choice_lacks_brand(CheckContext ctx) => TraceVerification.Check(ctx, "E9-choice-lacks-brand");

    [Check("TRACE-E9-CHOSEN-DOWN", Title = "E9: the picked SSW is down -> WalletUnreachable; trace matches the committed snapshot", Requirements = ["E9", "INV-ROUTE-COMPLETE"], Embodiments = ["E9"], Kind = "trace")]
    public static CheckOutcome T_E9_chosen_down(CheckContext ctx) => TraceVerification.Check(ctx, "E9-chosen-down");

    [Check("TRACE-E10-TYPED-LACKS-BRAND", Title = "E10: the typed SSW lacks the brand -> BrandNotHeld; trace matches the committed snapshot", Requirements = ["E10", "INV-OFFER", "INV-ROUTE-SOUND"], Embodiments = ["E10"], Kind = "trace")]
    public static CheckOutcome T_E10_typed_lacks_brand(CheckContext ctx) => TraceVerification.Check(ctx, "E10-typed-lacks-brand");

    [Check("TRACE-E10-NO-ADDRESS", Title = "E10: nothing typed -> NoChoice; trace matches the committed snapshot", Requirements = ["E10", "INV-OFFER"], Embodiments = ["E10"], Kind = "trace")]
    public static CheckOutcome T_E10_no_address(CheckContext ctx) => TraceVerification.Check(ctx, "E10-no-address");

    [Check("TRACE-E10-TYPED-DOWN", Title = "E10: the typed SSW is down -> WalletUnreachable; trace matches the committed snapshot", Requirements = ["E10", "INV-ROUTE-COMPLETE"], Embodiments = ["E10"], Kind = "trace")]
    public static CheckOutcome T_E10_typed_down(CheckContext ctx) => TraceVerification.Check(ctx, "E10-typed-down");

    [Check("TRACE-E11-NO-CAPABLE-WALLET", Title = "E11: client information names no capable SSW -> NoCapableWallet; trace matches the committed snapshot", Requirements = ["E11", "INV-ROUTE-COMPLETE"], Embodiments = ["E11"], Kind = "trace")]
    public static CheckOutcome T_E11_no_capable_wallet(CheckContext ctx) => TraceVerification.Check(ctx, "E11-no-capable-wallet");

    [Check("TRACE-E12-CHOICE-NOT-OFFERED", Title = "E12: the user picks an SSW not offered -> InvalidChoice; trace matches the committed snapshot", Requirements = ["E12", "INV-OFFER"], Embodiments = ["E12"], Kind = "trace")]
    public static CheckOutcome T_E12_choice_not_offered(CheckContext ctx) => TraceVerification.Check(ctx, "E12-choice-not-offered");

    [Check("TRACE-E12-CHOICE-LACKS-BRAND", Title = "E12: the picked SSW lacks the brand -> BrandNotHeld; trace matches the committed snapshot", Requirements = ["E12", "INV-OFFER", "INV-ROUTE-SOUND"], Embodiments = ["E12"], Kind = "trace")]
    public static CheckOutcome T_E12_choice_lacks_brand(CheckContext ctx) => TraceVerification.Check(ctx, "E12-choice-lacks-brand");

    [Check("TRACE-E1-DECLINED", Title = "gateway decline surfaces as Declined, no authorization; trace matches the committed snapshot", Requirements = ["E1", "INV-ONCE"], Embodiments = ["E1"], Kind = "trace")]
    public static CheckOutcome T_E1_declined(CheckContext ctx) => TraceVerification.Check(ctx, "E1-declined");
}
