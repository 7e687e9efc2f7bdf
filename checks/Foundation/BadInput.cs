using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Client;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Foundation;

/// <summary>Shared scaffolding of the bad-input checks: a world, a tampering rule, and the no-state-change assertions.</summary>
internal sealed class BadInput
{
    public PaymentWorld World { get; }
    public Wum Wum { get; }
    public string LidM { get; }
    private string? snapshotBefore;

    public BadInput(CheckContext ctx, string walletBrand = "BrandA", string lidM = "ORD-1")
    {
        World = new PaymentWorld(ctx.Seed);
        World.Network.RecordRequests = true;
        World.AddServerWallet("SW-1", walletBrand);
        Wum = World.NewWum("SW-1");
        LidM = lidM;
    }

    /// <summary>Rewrites the first request of <paramref name="kind"/>; snapshots the merchant's order table just before it.</summary>
    public BadInput Tamper(string kind, Func<NetMessage, NetMessage> rewrite)
    {
        World.Network.Garble(m => m.Kind == kind, m => { snapshotBefore = World.Merchant.OrdersSnapshot(); return rewrite(m); });
        return this;
    }

    public PaymentOutcome Pay(string brand = "BrandA") => Wum.PayAsync(World.WakeUp(LidM, brand)).GetAwaiter().GetResult();

    /// <summary>
    /// The outcome must be the typed refusal with the cause; the gateway authorized nothing; the merchant's
    /// order table is what it was before the bad message.
    /// </summary>
    public string? Expect(PaymentOutcome o, RefusalReason reason, string causeContains)
    {
        if (o is not Refused r || r.Reason != reason || !r.Cause.Contains(causeContains, StringComparison.Ordinal))
            return $"expected Refused({reason}) naming \"{causeContains}\", got {o}";
        if (World.Gateway.TotalAuthorizations != 0) return $"gateway authorized {World.Gateway.TotalAuthorizations} times after bad input";
        if (snapshotBefore is not null && World.Merchant.OrdersSnapshot() != snapshotBefore)
            return $"merchant order table changed:\nbefore {snapshotBefore}\nafter  {World.Merchant.OrdersSnapshot()}";
        return null;
    }

    /// <summary>Sends the honest original of the faulted message straight to the merchant: it must still succeed (no state was consumed).</summary>
    public string? HonestRetrySucceeds(string expectedKind)
    {
        var original = World.Network.Originals.Single();
        var reply = World.Network.SendAsync(original).GetAwaiter().GetResult();
        if (reply.Kind != expectedKind) return $"honest retry of {original.Kind} got {reply.Kind}";
        if (expectedKind == "PRes" && World.Gateway.Authorizations(PaymentWorld.MerchantId, LidM) != 1) return "honest retry not authorized exactly once";
        return null;
    }

    public static CheckOutcome Result(CheckContext ctx, PaymentWorld w, params string?[] failures)
    {
        var f = failures.FirstOrDefault(x => x is not null);
        if (f is not null) { ctx.Log(w.Trace.Render()); return CheckOutcome.Fail(f); }
        return CheckOutcome.Pass("typed refusal, no authorization, no state change");
    }
}
