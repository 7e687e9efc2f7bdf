using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Tampering;
using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Foundation;

/// <summary>
/// INV-BAD-INPUT on the SET core: each tampered/wrong input yields a typed refusal naming the cause, no
/// authorization, and no state change at the receiver (an honest retry still works where it should).
/// </summary>
internal static class BadInputChecks
{
    private static NetMessage EditPReq(NetMessage m, Func<PReq, PReq> edit) => m with { Body = edit(PReq.Decode(m.Body)).Encode() };

    private static CheckOutcome Done(CheckContext ctx, BadInput bad, string? failure)
    {
        if (failure is null) return CheckOutcome.Pass("typed refusal naming the cause, no authorization, merchant state unchanged");
        ctx.Log(bad.World.Trace.Render());
        return CheckOutcome.Fail(failure);
    }

    /// <summary>
    /// One tamper site of the purchase request: its check id, title, the party whose checks catch it and the cause that party's
    /// own log must name (the user sees only the uniform answer), and whether an honest retry of the same PReq still pays.
    /// </summary>
    private sealed record TamperCase(string Id, string Title, TamperSite Site, string Party, string Cause, bool RetryPays);

    private static readonly TamperCase[] TamperCases =
    [
        new("SET-BAD-TAMPER-OI", "a flipped byte in OIData: the merchant rejects the dual signature (uniform answer, cause in its log); honest retry still pays", TamperSite.OI, "merchant", "dual signature invalid at merchant", true),
        new("SET-BAD-TAMPER-PI", "a flipped byte in the encrypted PI: the gateway's tag check fails (uniform answer, cause in its log), the merchant closes the order; the honest PReq can no longer pay it", TamperSite.PI, "gateway", "envelope does not decrypt or authenticate at gateway", false),
        new("SET-BAD-TAMPER-DUALSIG", "a flipped byte in the dual signature: the merchant rejects it (uniform answer, cause in its log); honest retry pays", TamperSite.DualSig, "merchant", "dual signature invalid at merchant", true),
        new("SET-BAD-TAMPER-CERT", "a flipped byte in the cardholder certificate: the merchant rejects the chain (uniform answer, cause in its log); honest retry pays", TamperSite.Cert, "merchant", "cardholder certificate 0 signature invalid at merchant", true),
    ];

    /// <summary>
    /// Each tamper site as a check: the uniform refusal, the cause in the detecting party's log, no authorization, and an honest
    /// retry that pays (merchant-detected: the order is as it was) or is refused (gateway-detected: the order is closed).
    /// </summary>
    [CheckSource]
    public static IEnumerable<CheckEntry> TamperChecks() => TamperCases.Select(t => new CheckEntry(
        new CheckAttribute(t.Id) { Title = t.Title, Requirements = ["INV-BAD-INPUT", "INV-DUAL-SIG", "INV-UNIFORM-FAILURE"], Kind = CheckKind.Example },
        ctx =>
        {
            var bad = new BadInput(ctx).Tamper(PReq.Kind, m => EditPReq(m, p => PReqTampering.Apply(p, t.Site)));
            return Done(ctx, bad, bad.ExpectRejected(bad.Pay(), t.Party, t.Cause, orderClosed: !t.RetryPays)
                ?? (t.RetryPays ? bad.HonestRetrySucceeds("PRes") : bad.HonestRetryRefused()));
        }));

    [Check("SET-BAD-OTHER-BRAND-CERT", Title = "a wallet signing a BrandA purchase with its BrandB certificate is rejected as wrong brand",
        Requirements = ["INV-BAD-INPUT", "INV-DUAL-SIG", "INV-ROUTE-SOUND"], Kind = CheckKind.Example)]
    public static CheckOutcome OtherBrandCert(CheckContext ctx)
    {
        var bad = new BadInput(ctx);
        var wrong = bad.World.Pki.Cardholder("SW-1", "BrandB");
        bad.World.Wallets["SW-1"].AddCredential(wrong with { Brand = "BrandA" }); // mislabelled credential
        bad.Tamper(PReq.Kind, m => m); // snapshot only
        return Done(ctx, bad, bad.ExpectRejected(bad.Pay(), "merchant", "cardholder certificate brand BrandB is not BrandA at merchant"));
    }

    [Check("SET-BAD-EXPIRED-CERT", Title = "after the card expires (clock moved) the merchant rejects the cardholder chain; back in time, honest retry pays",
        Requirements = ["INV-BAD-INPUT", "INV-DUAL-SIG"], Kind = CheckKind.Example)]
    public static CheckOutcome Expired(CheckContext ctx)
    {
        var bad = new BadInput(ctx);
        bad.Tamper(PReq.Kind, m => { bad.World.Clock.Set(CryptoWorld.CardExpiry.AddDays(30)); return m; });
        // The jump of two years also outlives the wallet's session (DECISIONS.md, Bounded resources), so the user
        // sees a ProtocolError from the wallet; the merchant's own rejection is read from the trace.
        var failure = bad.Expect(bad.Pay(), RefusalReason.ProtocolError, "")
            ?? (bad.World.Trace.Render().Contains("cardholder certificate chain not valid at", StringComparison.Ordinal) ? null
                : "the merchant did not reject the expired cardholder chain");
        bad.World.Clock.Set(FixedClock.Epoch);
        return Done(ctx, bad, failure ?? bad.HonestRetrySucceeds("PRes"));
    }

    [Check("SET-BAD-UNKNOWN-CA", Title = "a cardholder certificate chaining to another root is rejected as unknown issuer",
        Requirements = ["INV-BAD-INPUT", "INV-DUAL-SIG"], Kind = CheckKind.Example)]
    public static CheckOutcome UnknownCa(CheckContext ctx)
    {
        var bad = new BadInput(ctx);
        // Same names, same brand, but a different root: only the signatures tell them apart.
        bad.World.Wallets["SW-1"].AddCredential(CryptoWorld.For(ctx.Seed ^ 0x5A5A).Cardholder("SW-1", "BrandA"));
        bad.Tamper(PReq.Kind, m => m);
        return Done(ctx, bad, bad.ExpectRejected(bad.Pay(), "merchant", "cardholder chain does not verify to the trusted root at merchant"));
    }

    [Check("SET-BAD-REPLAY-PREQ", Title = "a PReq repeated after a completed purchase gets the recorded PRes (same bytes) and changes nothing; a different PReq for the order is refused (Replay); still one authorization",
        Requirements = ["INV-BAD-INPUT", "INV-ONCE", "INV-EXACTLY-ONCE-UNDER-FAULTS"], Kind = CheckKind.Example)]
    public static CheckOutcome ReplayPReq(CheckContext ctx)
    {
        var bad = new BadInput(ctx);
        var first = bad.Pay();
        if (first is not Paid) return CheckOutcome.Fail($"first purchase: {first}");
        var preq = bad.World.Network.Requests.Single(m => m.Kind == PReq.Kind);
        var recorded = bad.World.Network.Responses.Single(m => m.Kind == PRes.Kind);
        var before = bad.World.Merchant.OrdersSnapshot();
        var reply = bad.World.Network.SendAsync(preq).GetAwaiter().GetResult();
        if (reply.Kind != PRes.Kind || !reply.Body.AsSpan().SequenceEqual(recorded.Body))
            return Done(ctx, bad, $"repeated PReq got {reply.Kind}, not the recorded PRes");
        var other = bad.World.Network.SendAsync(EditPReq(preq, p => p with { Rrpid = [.. p.Rrpid.Select(b => (byte)(b ^ 1))] })).GetAwaiter().GetResult();
        if (other.Kind != ErrorMessage.Kind || ErrorMessage.Decode(other.Body) is not { Code: SetErrorCode.Replay } e)
            return Done(ctx, bad, $"a different PReq for the paid order got {other.Kind}");
        if (bad.World.Gateway.Authorizations(PaymentWorld.MerchantId, "ORD-1") != 1) return Done(ctx, bad, "replay changed the authorization count");
        if (bad.World.Merchant.OrdersSnapshot() != before) return Done(ctx, bad, "replay changed the merchant's order table");
        return CheckOutcome.Pass($"repeat answered with the recorded PRes; other PReq refused: {e}");
    }

    [Check("SET-BAD-SECOND-PINITREQ", Title = "a second PInitReq for an order already initiated is refused (Replay) before any PReq",
        Requirements = ["INV-BAD-INPUT", "INV-ONCE"], Kind = CheckKind.Example)]
    public static CheckOutcome SecondPInitReq(CheckContext ctx)
    {
        var bad = new BadInput(ctx);
        var wake = bad.World.WakeUp("ORD-1", "BrandA");
        if (bad.Wum.PayAsync(wake).GetAwaiter().GetResult() is not Paid) return Done(ctx, bad, "first purchase failed");
        var before = bad.World.Merchant.OrdersSnapshot();
        // A second user PC (its own WUM, so its entry gate has not seen the order) drives the same wallet.
        var second = bad.World.NewWum("SW-1", "WUM-2").PayAsync(wake).GetAwaiter().GetResult();
        if (second is not Refused { Reason: RefusalReason.Replay } r || !r.Cause.Contains("already initiated at merchant", StringComparison.Ordinal))
            return Done(ctx, bad, $"expected Replay at merchant, got {second}");
        if (bad.World.Network.Requests.Count(m => m.Kind == PReq.Kind) != 1) return Done(ctx, bad, "a PReq was sent for the second initiation");
        if (bad.World.Gateway.Authorizations(PaymentWorld.MerchantId, "ORD-1") != 1) return Done(ctx, bad, "authorization count changed");
        if (bad.World.Merchant.OrdersSnapshot() != before) return Done(ctx, bad, "order table changed");
        return CheckOutcome.Pass(r.ToString());
    }

    [Check("SET-BAD-REPLAY-AUTHREQ", Title = "an AuthReq repeated to the gateway for an authorized XID returns the recorded AuthRes (same bytes); still one authorization",
        Requirements = ["INV-BAD-INPUT", "INV-ONCE", "INV-EXACTLY-ONCE-UNDER-FAULTS"], Kind = CheckKind.Example)]
    public static CheckOutcome ReplayAuthReq(CheckContext ctx)
    {
        var bad = new BadInput(ctx);
        if (bad.Pay() is not Paid) return Done(ctx, bad, "first purchase failed");
        var auth = bad.World.Network.Requests.Single(m => m.Kind == AuthReqPayload.Kind);
        var recorded = bad.World.Network.Responses.Single(m => m.Kind == AuthRes.Kind);
        var reply = bad.World.Network.SendAsync(auth).GetAwaiter().GetResult();
        if (reply.Kind != AuthRes.Kind || !reply.Body.AsSpan().SequenceEqual(recorded.Body))
            return Done(ctx, bad, $"repeated AuthReq got {reply.Kind}, not the recorded AuthRes");
        if (bad.World.Gateway.TotalAuthorizations != 1) return Done(ctx, bad, "the repeat changed the authorization count");
        return CheckOutcome.Pass($"recorded AuthRes returned ({reply.Body.Length} bytes, identical); one authorization");
    }

    [Check("SET-BAD-AUTHREQ-OTHER-SAME-XID", Title = "a different valid AuthReq (other purchase, other hashes) for an XID the gateway already authorized is refused (Replay); still one authorization",
        Requirements = ["INV-BAD-INPUT", "INV-ONCE", "INV-EXACTLY-ONCE-UNDER-FAULTS"], Kind = CheckKind.Example)]
    public static CheckOutcome OtherAuthReqSameXid(CheckContext ctx)
    {
        var bad = new BadInput(ctx);
        var wake = bad.World.WakeUp("ORD-1", "BrandA");
        if (bad.Wum.PayAsync(wake).GetAwaiter().GetResult() is not Paid) return Done(ctx, bad, "first purchase failed");
        var xid = bad.World.Merchant.Orders["ORD-1"].Xid!;
        var other = Recovery.SecondTransaction.AuthReqFor(bad.World, "SW-1", "BrandA", wake, xid);
        var reply = bad.World.Network.SendAsync(other).GetAwaiter().GetResult();
        if (reply.Kind != ErrorMessage.Kind || ErrorMessage.Decode(reply.Body) is not { Code: SetErrorCode.Replay } e)
            return Done(ctx, bad, $"a different AuthReq for the XID got {reply.Kind}");
        if (bad.World.Gateway.TotalAuthorizations != 1) return Done(ctx, bad, "the second AuthReq changed the authorization count");
        return CheckOutcome.Pass(e.ToString());
    }

    [Check("SET-BAD-REPLAY-WAKEUP", Title = "the same wake-up paid twice through one WUM: the second is refused (Replay) with nothing sent",
        Requirements = ["INV-BAD-INPUT", "INV-ONCE"], Kind = CheckKind.Example)]
    public static CheckOutcome ReplayWakeUp(CheckContext ctx)
    {
        var bad = new BadInput(ctx);
        var wake = bad.World.WakeUp("ORD-1", "BrandA");
        if (bad.Wum.PayAsync(wake).GetAwaiter().GetResult() is not Paid) return Done(ctx, bad, "first purchase failed");
        var sent = bad.World.Network.Requests.Count;
        var o = bad.Wum.PayAsync(wake).GetAwaiter().GetResult();
        if (o is not Refused { Reason: RefusalReason.Replay }) return Done(ctx, bad, $"expected Replay, got {o}");
        if (bad.World.Network.Requests.Count != sent) return Done(ctx, bad, "messages were sent for a replayed wake-up");
        return CheckOutcome.Pass(o.ToString());
    }

    private static CheckOutcome NothingSent(CheckContext ctx, byte[] wake, RefusalReason reason, string cause)
    {
        var bad = new BadInput(ctx);
        var o = bad.Wum.PayAsync(wake).GetAwaiter().GetResult();
        if (o is not Refused r || r.Reason != reason || !r.Cause.Contains(cause, StringComparison.Ordinal)) return Done(ctx, bad, $"expected {reason} naming \"{cause}\", got {o}");
        if (bad.World.Trace.Events.OfType<MessageEvent>().Any()) return Done(ctx, bad, "a message was sent for a refused wake-up");
        // Nothing remembered: the same order, well-formed, is then accepted and paid.
        var ok = bad.Wum.PayAsync(bad.World.WakeUp("ORD-1", "BrandA")).GetAwaiter().GetResult();
        return ok is Paid ? CheckOutcome.Pass(o.ToString()) : Done(ctx, bad, $"well-formed wake-up after the refusal: {ok}");
    }

    [Check("SET-BAD-WAKEUP-UNKNOWN-BRAND", Title = "a wake-up naming an unknown brand is refused (UnknownBrand), nothing sent, nothing remembered",
        Requirements = ["INV-BAD-INPUT"], Kind = CheckKind.Example)]
    public static CheckOutcome UnknownBrand(CheckContext ctx) =>
        NothingSent(ctx, new WakeUp(PaymentWorld.MerchantId, "ORD-1", "1 x book", 12_800, "JPY", "BrandZ").Encode(), RefusalReason.UnknownBrand, "brand BrandZ is not a known brand");

    [Check("SET-BAD-WAKEUP-MISSING-FIELD", Title = "a wake-up without its currency is refused (MalformedWakeUp) naming the field, nothing sent",
        Requirements = ["INV-BAD-INPUT"], Kind = CheckKind.Example)]
    public static CheckOutcome MissingField(CheckContext ctx) =>
        NothingSent(ctx, new CanonWriter(WakeUp.Msg).Str("merchant", PaymentWorld.MerchantId).Str("lid-m", "ORD-1").Str("desc", "1 x book")
            .Long("amount", 12_800).Str("brand", "BrandA").ToBytes(), RefusalReason.MalformedWakeUp, "missing field currency");

    [Check("SET-BAD-WAKEUP-TRUNCATED", Title = "a truncated wake-up is refused (MalformedWakeUp), nothing sent",
        Requirements = ["INV-BAD-INPUT"], Kind = CheckKind.Example)]
    public static CheckOutcome Truncated(CheckContext ctx)
    {
        var full = new WakeUp(PaymentWorld.MerchantId, "ORD-1", "1 x book", 12_800, "JPY", "BrandA").Encode();
        return NothingSent(ctx, full[..^7], RefusalReason.MalformedWakeUp, "does not parse");
    }
}
