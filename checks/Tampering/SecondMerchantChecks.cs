using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Foundation;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Parties;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Tampering;

/// <summary>
/// A purchase made at one merchant must not be accepted by another merchant of the same world (DECISIONS.md, "Several
/// merchants"; THREATS.md, the second merchant). The world's two merchants are genuine: SHOP-2 holds its own certificates
/// from the same Merchant CA and offers an order with the same LID-M, brand, amount and description as the user's SHOP-1 order,
/// so every field that is not bound to SHOP-1 matches. What binds the purchase to SHOP-1 is what the cardholder dual-signed:
/// OIData carries the XID and Chall-M of SHOP-1's signed PInitRes, and the PI's head (sealed to the gateway) names SHOP-1.
/// </summary>
internal static class SecondMerchantChecks
{
    private const string Second = "SHOP-2";

    /// <summary>A world of two merchants whose SHOP-2 has offered the twin of the user's order; the user's wallet SW-1 holds BrandA.</summary>
    private static (BadInput Bad, MerchantPos Shop2) TwoMerchants(CheckContext ctx)
    {
        var bad = new BadInput(ctx);
        var shop2 = bad.World.AddMerchant(Second);
        bad.World.WakeUp(bad.LidM, "BrandA", merchant: Second);
        return (bad, shop2);
    }

    private static CheckOutcome Done(CheckContext ctx, PaymentWorld world, string? failure, string pass)
    {
        if (failure is null) return CheckOutcome.Pass(pass);
        ctx.Log(world.Trace.Render());
        return CheckOutcome.Fail(failure);
    }

    [Check("SET-BIND-SECOND-MERCHANT-PRES", Title = "the user's PReq for SHOP-1 diverted to SHOP-2 (which initiated its twin order with a copy of the user's PInitReq) is refused by SHOP-2 (uniform answer; OIData's XID and Chall-M are SHOP-1's): SHOP-2's order and the gateway unchanged; the same PReq then pays at SHOP-1, once",
        Requirements = ["INV-AGREEMENT", "INV-BAD-INPUT", "INV-UNIFORM-FAILURE", "INV-ONCE"], Kind = CheckKind.Example)]
    public static CheckOutcome DivertedPReq(CheckContext ctx)
    {
        var (bad, shop2) = TwoMerchants(ctx);
        var world = bad.World;
        string? before = null;
        // The attacker on the PC's link: SHOP-2's twin order is initiated with the user's PInitReq (renamed to SHOP-2: the
        // PInitReq is not signed), so RRPID, LID-C and Chall-C match; then the user's PReq goes to SHOP-2 instead of SHOP-1.
        world.Network.Garble(m => m.Kind == PReq.Kind && m.To == Address.Merchant, m =>
        {
            var init = PInitReq.Decode(world.Network.Requests.Last(r => r.Kind == PInitReq.Kind).Body);
            var copy = new NetMessage(Address.Pc, shop2.At, PInitReq.Kind, (init with { MerchantId = Second }).Encode());
            var initiated = world.Network.SendAsync(copy).GetAwaiter().GetResult();
            if (initiated.Kind != PInitRes.Kind) throw new InvalidOperationException($"SHOP-2 did not initiate its twin order: {initiated.Kind}");
            before = shop2.OrdersSnapshot();
            return m with { To = shop2.At };
        });
        var outcome = bad.Pay();
        var failure = before is null ? "the PReq was never diverted" : bad.ExpectRejected(outcome, "merchant", "XID or challenges in OIData differ from PInitRes at merchant");
        failure ??= shop2.OrdersSnapshot() == before ? null : $"SHOP-2's orders changed:\nbefore {before}\nafter  {shop2.OrdersSnapshot()}";
        failure ??= shop2.Orders[bad.LidM].State == OrderState.Initiated ? null : $"SHOP-2's twin order is {shop2.Orders[bad.LidM].State}, not Initiated";
        if (failure is null)
        {
            // The PReq the wallet sent, to the merchant it was made for: it pays there, once, and SHOP-2's twin order has nothing.
            var reply = world.Network.SendAsync(world.Network.Originals.Single()).GetAwaiter().GetResult();
            failure = reply.Kind != PRes.Kind ? $"the PReq at SHOP-1 got {reply.Kind}"
                : world.Gateway.Authorizations(PaymentWorld.MerchantId, bad.LidM) != 1 || world.Gateway.Authorizations(Second, bad.LidM) != 0 || world.Gateway.TotalAuthorizations != 1
                    ? $"authorizations SHOP-1 {world.Gateway.Authorizations(PaymentWorld.MerchantId, bad.LidM)}, SHOP-2 {world.Gateway.Authorizations(Second, bad.LidM)}, total {world.Gateway.TotalAuthorizations}"
                    : null;
        }
        return Done(ctx, world, failure, "diverted PReq refused by SHOP-2 (cause in its log only), its twin order unchanged; the PReq paid once at SHOP-1");
    }

    [Check("SET-BIND-SECOND-MERCHANT-AUTHREQ", Title = "SHOP-2 submits the user's PReq for SHOP-1 to the gateway as an AuthReq for its own twin order, signed with its own genuine certificate: refused (uniform answer; the PI's head names SHOP-1), nothing recorded; SHOP-1's purchase then pays once",
        Requirements = ["INV-AGREEMENT", "INV-UNIFORM-FAILURE", "INV-ONCE"], Kind = CheckKind.Example)]
    public static CheckOutcome SecondMerchantAuthReq(CheckContext ctx)
    {
        var (bad, shop2) = TwoMerchants(ctx);
        var world = bad.World;
        NetMessage? answer = null;
        int? recordsBefore = null;
        string? ordersBefore = null;
        // SHOP-2 sees the user's PReq on its way to SHOP-1 (the OIData in it is in the clear) and asks the gateway first.
        world.Network.Garble(m => m.Kind == PReq.Kind && m.To == Address.Merchant, m =>
        {
            var preq = PReq.Decode(m.Body);
            var xid = OIData.Decode(preq.OIDataBytes).Xid;
            recordsBefore = world.Gateway.Ledger.Records.Count;
            ordersBefore = shop2.OrdersSnapshot();
            var forged = MerchantRequests.AuthReq(world, shop2.Orders[bad.LidM].Offer, xid, preq, world.Pki.Merchant("BrandA", Second)) with { From = shop2.At };
            answer = world.Network.SendAsync(forged).GetAwaiter().GetResult();
            return m;
        });
        var outcome = bad.Pay();
        string? failure = answer is null ? "SHOP-2's AuthReq was never sent"
            : answer.Kind != ErrorMessage.Kind || ErrorMessage.Decode(answer.Body).Code != Impl.Codec.SetErrorCode.Rejected ? $"SHOP-2's AuthReq got {answer.Kind}, not the uniform Error"
            : !world.Trace.Events.OfType<DecisionEvent>().Any(d => d.Actor == "gateway" && d.What == TraceDecisions.Reject && d.Reason.Contains("XID, LID-M, merchant or brand in PI differs from AuthReq at gateway", StringComparison.Ordinal))
                ? "no Reject decision of the gateway naming the PI's merchant in its own log"
            : shop2.OrdersSnapshot() != ordersBefore ? "SHOP-2's orders changed"
            : world.Gateway.Authorizations(Second, bad.LidM) != 0 ? "the gateway authorized SHOP-2's twin order"
            : outcome is not Paid ? $"the user's purchase at SHOP-1 did not pay afterwards: {outcome}"
            : world.Gateway.Authorizations(PaymentWorld.MerchantId, bad.LidM) != 1 || world.Gateway.TotalAuthorizations != 1 || world.Gateway.Ledger.Records.Count != recordsBefore + 1
                ? $"authorizations SHOP-1 {world.Gateway.Authorizations(PaymentWorld.MerchantId, bad.LidM)}, total {world.Gateway.TotalAuthorizations}, records {world.Gateway.Ledger.Records.Count} (before {recordsBefore})"
            : null;
        return Done(ctx, world, failure, "SHOP-2's AuthReq with SHOP-1's purchase refused (cause in the gateway's log only), nothing recorded; SHOP-1's purchase paid once");
    }
}
