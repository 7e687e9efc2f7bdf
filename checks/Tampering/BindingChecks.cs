using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Foundation;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Tampering;

/// <summary>
/// F4 and F5 tried: a field that travels in the clear or is named by a message must be bound to what was signed. The RRPID
/// substituted in a PReq (the merchant compares it with the PInitReq's and with the copy inside the dual-signed OIData), and
/// a merchant id not matching the certificate that signed the request at the gateway (another merchant, holding a genuine
/// certificate of the same Merchant CA, authorizing, inquiring about or reversing the world's merchant's order).
/// </summary>
internal static class BindingChecks
{
    private static CheckOutcome Done(CheckContext ctx, PaymentWorld world, string? failure, string pass)
    {
        if (failure is null) return CheckOutcome.Pass(pass);
        ctx.Log(world.Trace.Render());
        return CheckOutcome.Fail(failure);
    }

    [Check("SET-BIND-RRPID", Title = "a PReq whose RRPID is substituted in the clear is refused by the merchant (uniform answer; the RRPID is inside the dual-signed OIData); the order is unchanged and the honest PReq still pays",
        Requirements = ["INV-AGREEMENT", "INV-BAD-INPUT", "INV-UNIFORM-FAILURE"], Kind = CheckKind.Example)]
    public static CheckOutcome Rrpid(CheckContext ctx)
    {
        var bad = new BadInput(ctx).Tamper(PReq.Kind, m => m with { Body = PReqAttacks.SubstituteRrpid(PReq.Decode(m.Body)).Encode() });
        var failure = bad.ExpectRejected(bad.Pay(), "merchant", "RRPID in PReq or OIData differs from the PInitReq's at merchant") ?? bad.HonestRetrySucceeds("PRes");
        return Done(ctx, bad.World, failure, "substituted RRPID refused (cause in the merchant's log only); honest PReq paid once");
    }

    [Check("SET-BIND-MERCHANT-AUTHREQ", Title = "an AuthReq for the merchant's order signed with another merchant's genuine certificate is refused by the gateway (uniform answer): nothing authorized, the order closed",
        Requirements = ["INV-AGREEMENT", "INV-UNIFORM-FAILURE", "INV-ONCE"], Kind = CheckKind.Example)]
    public static CheckOutcome AuthReqSigner(CheckContext ctx)
    {
        var bad = new BadInput(ctx);
        var world = bad.World;
        // The AuthReq the merchant sends, replaced by the same request signed by SHOP-2: everything in it names SHOP-1's order.
        world.Network.Garble(m => m.Kind == AuthReqPayload.Kind, m =>
        {
            var order = world.Merchant.Orders[bad.LidM];
            var preq = PReq.Decode(world.Network.Requests.Last(r => r.Kind == PReq.Kind).Body);
            return MerchantRequests.AuthReq(world, order.Offer, order.Xid!, preq, world.Pki.Merchant("BrandA", "SHOP-2"));
        });
        var failure = bad.ExpectRejected(bad.Pay(), "gateway", "AuthReq signer certificate names merchant SHOP-2, not SHOP-1 at gateway", orderClosed: true)
            ?? (world.Gateway.Ledger.Records.Count == 0 ? null : "the gateway recorded the forged AuthReq");
        return Done(ctx, world, failure, "AuthReq signed by SHOP-2 for SHOP-1's order refused; nothing recorded");
    }

    [Check("SET-BIND-MERCHANT-INQUIRY", Title = "another merchant's genuinely signed AuthInqReq and AuthRevReq about the merchant's paid order are refused (uniform answer): the record is neither disclosed nor reversed; the merchant's own inquiry is answered",
        Requirements = ["INV-AGREEMENT", "INV-UNIFORM-FAILURE", "INV-ONCE"], Kind = CheckKind.Example)]
    public static CheckOutcome InquirySigner(CheckContext ctx)
    {
        var bad = new BadInput(ctx);
        var world = bad.World;
        if (bad.Pay() is not Paid) return Done(ctx, world, "the honest purchase did not pay", "");
        var order = world.Merchant.Orders[bad.LidM];
        var other = world.Pki.Merchant("BrandA", "SHOP-2");
        foreach (var forged in new[] { MerchantRequests.AuthInqReq(world, order.Offer, order.Xid!, other), MerchantRequests.AuthRevReq(world, order.Offer, order.Xid!, other) })
        {
            var reply = world.Network.SendAsync(forged).GetAwaiter().GetResult();
            if (reply.Kind != ErrorMessage.Kind || ErrorMessage.Decode(reply.Body).Code != Impl.Codec.SetErrorCode.Rejected)
                return Done(ctx, world, $"{forged.Kind} signed by SHOP-2 got {reply.Kind}", "");
        }
        if (world.Gateway.Status(PaymentWorld.MerchantId, bad.LidM) != GatewayStatus.Authorized || world.Gateway.TotalAuthorizations != 1)
            return Done(ctx, world, $"the forged requests changed the gateway's record: {world.Gateway.Status(PaymentWorld.MerchantId, bad.LidM)}", "");
        var own = world.Network.SendAsync(MerchantRequests.AuthInqReq(world, order.Offer, order.Xid!, world.Pki.Merchant("BrandA"))).GetAwaiter().GetResult();
        return Done(ctx, world, own.Kind == AuthInqRes.Kind ? null : $"the merchant's own inquiry got {own.Kind}",
            "SHOP-2's inquiry and reversal refused; the authorization stands; SHOP-1's inquiry answered");
    }
}
