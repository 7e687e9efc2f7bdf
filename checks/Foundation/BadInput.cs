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

    /// <summary>What the wallet's user sees for a request refused with the uniform answer of <paramref name="party"/>.</summary>
    public static string UniformCause(string party) => $"{RefusalReason.ProtocolError}: {Impl.Codec.UniformFailure.Answer.At(party).Cause}";

    /// <summary>
    /// The uniform refusal (INV-UNIFORM-FAILURE): the user sees the merchant's one answer, whatever failed; the exact cause
    /// (<paramref name="logCause"/>) is only in the refusing party's own log (a Reject decision of <paramref name="party"/>);
    /// no authorization; the order table as <see cref="Expect"/> requires unless <paramref name="orderClosed"/>.
    /// </summary>
    public string? ExpectRejected(PaymentOutcome o, string party, string logCause, bool orderClosed = false)
    {
        if (o is not Refused r || r.Reason != RefusalReason.ProtocolError || r.Cause != UniformCause("merchant"))
            return $"expected the uniform refusal \"{UniformCause("merchant")}\", got {o}";
        if (!World.Trace.Events.OfType<DecisionEvent>().Any(d => d.Actor == party && d.What == TraceDecisions.Reject && d.Reason.Contains(logCause, StringComparison.Ordinal)))
            return $"no Reject decision of {party} naming \"{logCause}\" in its own log";
        if (World.Gateway.TotalAuthorizations != 0) return $"gateway authorized {World.Gateway.TotalAuthorizations} times after bad input";
        if (orderClosed)
            return World.Merchant.Orders[LidM].State == Impl.Parties.OrderState.Cancelled ? null : $"order not closed after the gateway's refusal: {World.Merchant.Orders[LidM]}";
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

    /// <summary>Sends the honest original of the faulted PReq after the gateway refused its tampered copy: the closed order refuses it, nothing is authorized.</summary>
    public string? HonestRetryRefused()
    {
        var reply = World.Network.SendAsync(World.Network.Originals.Single()).GetAwaiter().GetResult();
        if (reply.Kind != Impl.Set.ErrorMessage.Kind) return $"honest retry of a PReq whose order the gateway's refusal closed got {reply.Kind}";
        return World.Gateway.TotalAuthorizations == 0 ? null : "the closed order was authorized";
    }

    public static CheckOutcome Result(CheckContext ctx, PaymentWorld w, params string?[] failures)
    {
        var f = failures.FirstOrDefault(x => x is not null);
        if (f is not null) { ctx.Log(w.Trace.Render()); return CheckOutcome.Fail(f); }
        return CheckOutcome.Pass("typed refusal, no authorization, no state change");
    }
}
