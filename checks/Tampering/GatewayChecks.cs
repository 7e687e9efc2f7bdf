using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Foundation;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Tampering;

/// <summary>
/// The gateway's checks behind decryption, each tried with a purchase that passes every check the merchant can make and
/// fails exactly one of the gateway's: a PI that opens fine but is not the one the cardholder signed, a card number that
/// the cardholder certificate does not bind, and the decline limit at its boundary.
/// </summary>
internal static class GatewayChecks
{
    private static string? MerchantVerified(PaymentWorld world) =>
        world.Trace.Events.OfType<DecisionEvent>().Any(d => d.Actor == "merchant" && d.What == TraceDecisions.PReqVerified) ? null : "the merchant did not pass the PReq on: the gateway's check was not reached";

    private static CheckOutcome Done(CheckContext ctx, PaymentWorld world, string? failure, string pass)
    {
        if (failure is null) return CheckOutcome.Pass(pass);
        ctx.Log(world.Trace.Render());
        return CheckOutcome.Fail(failure);
    }

    [Check("SET-GATEWAY-DUALSIG-BEHIND-DECRYPTION", Title = "a PI that decrypts fine but is not what the dual signature covers (resealed with another nonce) passes the merchant and is refused by the gateway's dual-signature check (uniform answer, order closed)",
        Requirements = ["INV-DUAL-SIG", "INV-BAD-INPUT", "INV-UNIFORM-FAILURE"], Kind = CheckKind.Example)]
    public static CheckOutcome DualSignature(CheckContext ctx)
    {
        var bad = new BadInput(ctx);
        bad.Tamper(PReq.Kind, m => m with { Body = PReqAttacks.ResealedPi(bad.World, PReq.Decode(m.Body)).Encode() });
        var failure = bad.ExpectRejected(bad.Pay(), "gateway", "dual signature invalid at gateway", orderClosed: true) ?? MerchantVerified(bad.World);
        return Done(ctx, bad.World, failure, "resealed PI: merchant verified, gateway refused the dual signature; nothing authorized");
    }

    [Check("SET-GATEWAY-PAN-BINDING", Title = "a purchase correctly dual-signed by the cardholder but carrying another card's number is refused by the gateway: the certificate binds H(PAN ‖ PANSecret) (uniform answer, order closed)",
        Requirements = ["INV-DUAL-SIG", "INV-BAD-INPUT", "INV-ROUTE-SOUND"], Kind = CheckKind.Example)]
    public static CheckOutcome PanBinding(CheckContext ctx)
    {
        var bad = new BadInput(ctx);
        var own = bad.World.Pki.Cardholder("SW-1", "BrandA");
        // The wallet's own certificate and key, another card's account: every signature verifies, only the binding fails.
        bad.World.Wallets["SW-1"].AddCredential(own with { Account = bad.World.Pki.Cardholder("SW-2", "BrandA").Account });
        var failure = bad.ExpectRejected(bad.Pay(), "gateway", "PAN is not the one the cardholder certificate binds at gateway", orderClosed: true) ?? MerchantVerified(bad.World);
        return Done(ctx, bad.World, failure, "another card's PAN under SW-1's certificate: merchant verified, gateway refused the binding; nothing authorized");
    }

    [Check("SET-GATEWAY-DECLINE-BOUNDARY", Title = "the decline limit at its boundary: an amount equal to the limit is authorized, one minor unit more is declined, and the user hears each",
        Requirements = ["INV-AGREEMENT", "INV-ONCE"], Kind = CheckKind.Example)]
    public static CheckOutcome DeclineBoundary(CheckContext ctx)
    {
        const long limit = 12_800;
        var world = new PaymentWorld(ctx.Seed);
        world.AddServerWallet("SW-1", "BrandA");
        world.Gateway.DeclineAbove = limit;
        var at = world.NewWum("SW-1").PayAsync(world.WakeUp("ORD-1", "BrandA", amount: limit)).GetAwaiter().GetResult();
        var above = world.NewWum("SW-1", "WUM-2").PayAsync(world.WakeUp("ORD-2", "BrandA", amount: limit + 1)).GetAwaiter().GetResult();
        string? failure = null;
        if (at is not Paid) failure = $"amount == limit ({limit}): expected Paid, got {at}";
        else if (above is not Refused { Reason: RefusalReason.Declined }) failure = $"amount == limit + 1: expected Refused(Declined), got {above}";
        else if (world.Gateway.Status(PaymentWorld.MerchantId, "ORD-1") != GatewayStatus.Authorized || world.Gateway.Status(PaymentWorld.MerchantId, "ORD-2") != GatewayStatus.Declined)
            failure = "the gateway's records do not say authorized / declined";
        return Done(ctx, world, failure, $"{limit} authorized, {limit + 1} declined");
    }
}
