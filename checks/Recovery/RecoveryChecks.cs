using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Client;
using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Parties;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Recovery;

/// <summary>
/// INV-EXACTLY-ONCE-UNDER-FAULTS on the SET core: each fault that used to lose or duplicate an authorization,
/// injected through the fault seam, must end with one authorization at most, known to the merchant, and a user
/// answer equal to the gateway's record (Paid ⇔ Authorized; anything else ⇔ no live authorization).
/// </summary>
internal static class RecoveryChecks
{
    private const string Lid = "ORD-1";

    private static (PaymentWorld World, Wum Wum) World(CheckContext ctx, WorldParts? parts = null)
    {
        var world = new PaymentWorld(ctx.Seed, parts: parts);
        world.Network.RecordRequests = true;
        world.AddServerWallet("SW-1", "BrandA");
        return (world, world.NewWum("SW-1"));
    }

    private static PaymentOutcome Pay(Wum wum, PaymentWorld world) => world.Run(ct => wum.PayAsync(world.WakeUp(Lid, "BrandA"), ct));

    /// <summary>The user's answer agrees with the gateway's record, at most one authorization, and the merchant's order says the same.</summary>
    internal static string? Agree(PaymentWorld world, PaymentOutcome o, OrderState merchantState)
    {
        var auths = world.Gateway.Authorizations(PaymentWorld.MerchantId, Lid);
        if (auths > 1) return $"gateway authorized {auths} times";
        var record = world.Gateway.Status(PaymentWorld.MerchantId, Lid);
        var live = record == GatewayStatus.Authorized;
        if ((o is Paid) != live) return $"user told {o}, gateway record {record?.ToString() ?? "none"}";
        var state = world.Merchant.Orders[Lid].State;
        if (state != merchantState) return $"merchant order {state}, expected {merchantState}";
        if ((state == OrderState.Paid) != live) return $"merchant order {state}, gateway record {record?.ToString() ?? "none"}";
        return null;
    }

    internal static CheckOutcome Verdict(CheckContext ctx, PaymentWorld world, string? failure, string pass)
    {
        if (failure is null) return CheckOutcome.Pass(pass);
        ctx.Log(world.Trace.Render());
        return CheckOutcome.Fail(failure);
    }

    private static bool Sent(PaymentWorld world, string kind) => world.Trace.Events.OfType<MessageEvent>().Any(e => e.Kind == kind);

    [Check("RECOVERY-AUTHRES-LATE", Title = "the gateway authorizes but its AuthRes comes after the merchant's timeout: the order is never re-opened, the wallet's inquiry makes the merchant ask the gateway, the user is told Paid, one authorization",
        Requirements = ["INV-EXACTLY-ONCE-UNDER-FAULTS", "INV-ONCE"], Kind = CheckKind.Example)]
    public static CheckOutcome AuthResLate(CheckContext ctx) => AuthResLateWith(ctx, null);

    /// <summary>The same check in a world built with <paramref name="parts"/> (a seeded fault's components).</summary>
    internal static CheckOutcome AuthResLateWith(CheckContext ctx, WorldParts? parts)
    {
        var (world, wum) = World(ctx, parts);
        world.Network.Delay(m => m.Kind == AuthReqPayload.Kind);
        var o = Pay(wum, world);
        var failure = Agree(world, o, OrderState.Paid)
            ?? (o is Paid ? null : $"expected Paid, got {o}")
            ?? (Sent(world, InqReq.Kind) && Sent(world, AuthInqReq.Kind) ? null : "resolved without InqReq and AuthInqReq");
        return Verdict(ctx, world, failure, $"{o}; one authorization, found by the merchant's AuthInqReq");
    }

    [Check("RECOVERY-PRES-LOST", Title = "the merchant paid but its PRes is lost: the wallet inquires and reports Paid with the recorded PRes",
        Requirements = ["INV-EXACTLY-ONCE-UNDER-FAULTS", "INV-ONCE"], Kind = CheckKind.Example)]
    public static CheckOutcome PResLost(CheckContext ctx) => PResLostWith(ctx, null);

    /// <summary>The same check in a world built with <paramref name="parts"/> (a seeded fault's components).</summary>
    internal static CheckOutcome PResLostWith(CheckContext ctx, WorldParts? parts)
    {
        var (world, wum) = World(ctx, parts);
        world.Network.Delay(m => m.Kind == PReq.Kind);
        var o = Pay(wum, world);
        var failure = Agree(world, o, OrderState.Paid) ?? (o is Paid ? null : $"expected Paid, got {o}")
            ?? (Sent(world, InqRes.Kind) ? null : "no InqRes");
        return Verdict(ctx, world, failure, $"{o} learned by inquiry");
    }

    [Check("RECOVERY-PREQ-LOST", Title = "the PReq never reaches the merchant: the wallet's inquiry closes the order (not stranded), the user is told not paid, the lost PReq can no longer pay",
        Requirements = ["INV-EXACTLY-ONCE-UNDER-FAULTS", "INV-ONCE"], Kind = CheckKind.Example)]
    public static CheckOutcome PReqLost(CheckContext ctx) => PReqLostWith(ctx, null);

    /// <summary>The same check in a world built with <paramref name="parts"/> (a seeded fault's components).</summary>
    internal static CheckOutcome PReqLostWith(CheckContext ctx, WorldParts? parts)
    {
        var (world, wum) = World(ctx, parts);
        world.Network.Drop(m => m.Kind == PReq.Kind);
        var o = Pay(wum, world);
        var failure = Agree(world, o, OrderState.Cancelled) ?? (o is Refused { Reason: RefusalReason.ProtocolError } ? null : $"expected a refusal, got {o}");
        if (failure is null)
        {
            var late = world.Network.SendAsync(world.Network.Originals.Single()).GetAwaiter().GetResult();
            if (late.Kind != ErrorMessage.Kind) failure = $"the late PReq got {late.Kind}";
            failure ??= Agree(world, o, OrderState.Cancelled);
        }
        return Verdict(ctx, world, failure, $"{o}; late PReq refused; no authorization");
    }

    [Check("RECOVERY-AUTHREQ-LOST", Title = "the AuthReq never reaches the gateway: the merchant's inquiry finds nothing and the gateway closes the XID; the user is told not paid; the lost AuthReq can no longer authorize",
        Requirements = ["INV-EXACTLY-ONCE-UNDER-FAULTS", "INV-ONCE"], Kind = CheckKind.Example)]
    public static CheckOutcome AuthReqLost(CheckContext ctx) => AuthReqLostWith(ctx, null);

    /// <summary>The same check in a world built with <paramref name="parts"/> (a seeded fault's components).</summary>
    internal static CheckOutcome AuthReqLostWith(CheckContext ctx, WorldParts? parts)
    {
        var (world, wum) = World(ctx, parts);
        world.Network.Drop(m => m.Kind == AuthReqPayload.Kind);
        var o = Pay(wum, world);
        var failure = Agree(world, o, OrderState.Cancelled) ?? (o is Refused ? null : $"expected a refusal, got {o}");
        if (failure is null)
        {
            var late = world.Network.SendAsync(world.Network.Originals.Single()).GetAwaiter().GetResult();
            if (late.Kind != ErrorMessage.Kind || ErrorMessage.Decode(late.Body).Code != SetErrorCode.Replay) failure = $"the late AuthReq got {late.Kind}";
            failure ??= Agree(world, o, OrderState.Cancelled);
            if (world.Gateway.Status(PaymentWorld.MerchantId, Lid) != GatewayStatus.Voided) failure ??= "the gateway did not close the XID";
        }
        return Verdict(ctx, world, failure, $"{o}; XID voided; late AuthReq refused");
    }

    [Check("RECOVERY-AUTHREQ-DUPLICATED", Title = "an AuthReq delivered twice: the gateway answers the copy with the recorded AuthRes; one authorization; Paid",
        Requirements = ["INV-EXACTLY-ONCE-UNDER-FAULTS", "INV-ONCE"], Kind = CheckKind.Example)]
    public static CheckOutcome AuthReqDuplicated(CheckContext ctx) => AuthReqDuplicatedWith(ctx, null);

    /// <summary>The same check in a world built with <paramref name="parts"/> (a seeded fault's components).</summary>
    internal static CheckOutcome AuthReqDuplicatedWith(CheckContext ctx, WorldParts? parts)
    {
        var (world, wum) = World(ctx, parts);
        world.Network.Duplicate(m => m.Kind == AuthReqPayload.Kind);
        var o = Pay(wum, world);
        var failure = Agree(world, o, OrderState.Paid) ?? (o is Paid ? null : $"expected Paid, got {o}")
            ?? (world.Trace.Events.OfType<DecisionEvent>().Any(d => d.What == TraceDecisions.AuthReqRepeated) ? null : "no AuthReqRepeated decision");
        return Verdict(ctx, world, failure, $"{o}; the copy got the recorded AuthRes");
    }

    [Check("RECOVERY-INQUIRY-LOST", Title = "PRes lost and the first inquiry lost too: the wallet inquires again and reports Paid",
        Requirements = ["INV-EXACTLY-ONCE-UNDER-FAULTS"], Kind = CheckKind.Example)]
    public static CheckOutcome InquiryLost(CheckContext ctx) => InquiryLostWith(ctx, null);

    /// <summary>The same check in a world built with <paramref name="parts"/> (a seeded fault's components).</summary>
    internal static CheckOutcome InquiryLostWith(CheckContext ctx, WorldParts? parts)
    {
        var (world, wum) = World(ctx, parts);
        world.Network.Delay(m => m.Kind == PReq.Kind).Drop(m => m.Kind == InqReq.Kind);
        var o = Pay(wum, world);
        var inquiries = world.Trace.Events.OfType<MessageEvent>().Count(e => e.Kind == InqReq.Kind);
        var failure = Agree(world, o, OrderState.Paid) ?? (o is Paid ? null : $"expected Paid, got {o}") ?? (inquiries == 2 ? null : $"{inquiries} inquiries, expected 2");
        return Verdict(ctx, world, failure, $"{o} after {inquiries} inquiries");
    }

    [Check("RECOVERY-ABANDON-REVERSED", Title = "authorized, AuthRes late, and the gateway unreachable for the inquiry: the merchant abandons and reverses; user and gateway agree (not paid, reversed)",
        Requirements = ["INV-EXACTLY-ONCE-UNDER-FAULTS"], Kind = CheckKind.Example)]
    public static CheckOutcome AbandonReversed(CheckContext ctx) => AbandonReversedWith(ctx, null);

    /// <summary>The same check in a world built with <paramref name="parts"/> (a seeded fault's components).</summary>
    internal static CheckOutcome AbandonReversedWith(CheckContext ctx, WorldParts? parts)
    {
        var (world, wum) = World(ctx, parts);
        world.Network.Delay(m => m.Kind == AuthReqPayload.Kind).Drop(m => m.Kind == AuthInqReq.Kind);
        var o = Pay(wum, world);
        var failure = Agree(world, o, OrderState.Reversed) ?? (o is Refused ? null : $"expected a refusal, got {o}")
            ?? (world.Gateway.Status(PaymentWorld.MerchantId, Lid) == GatewayStatus.Reversed ? null : "the gateway did not reverse");
        return Verdict(ctx, world, failure, $"{o}; gateway record Reversed");
    }

    [Check("RECOVERY-ABANDON-REVERSAL-PENDING", Title = "authorized, and the gateway unreachable for inquiry and reversal: the user is told not paid; once the network heals the merchant's sweep reverses, and the records agree",
        Requirements = ["INV-EXACTLY-ONCE-UNDER-FAULTS"], Kind = CheckKind.Example)]
    public static CheckOutcome AbandonReversalPending(CheckContext ctx) => AbandonReversalPendingWith(ctx, null);

    /// <summary>The same check in a world built with <paramref name="parts"/> (a seeded fault's components).</summary>
    internal static CheckOutcome AbandonReversalPendingWith(CheckContext ctx, WorldParts? parts)
    {
        var (world, wum) = World(ctx, parts);
        world.Network.Delay(m => m.Kind == AuthReqPayload.Kind).Drop(m => m.Kind == AuthInqReq.Kind).Drop(m => m.Kind == AuthRevReq.Kind);
        var o = Pay(wum, world);
        if (o is not Refused) return Verdict(ctx, world, $"expected a refusal, got {o}", "");
        if (world.Merchant.Orders[Lid].State != OrderState.Abandoned) return Verdict(ctx, world, $"merchant order {world.Merchant.Orders[Lid].State}, expected Abandoned", "");
        world.Network.Heal();
        var changed = world.Merchant.ResolvePendingAsync().GetAwaiter().GetResult();
        var failure = Agree(world, o, OrderState.Reversed) ?? (changed == 1 ? null : $"sweep changed {changed} orders");
        return Verdict(ctx, world, failure, $"{o}; after healing the sweep reversed the authorization");
    }

    [Check("RECOVERY-SWEEP-SETTLES", Title = "an order left AuthorizationUnknown (no inquiry came) is settled by the merchant's sweep from the gateway's record, never re-opened",
        Requirements = ["INV-EXACTLY-ONCE-UNDER-FAULTS", "INV-ONCE"], Kind = CheckKind.Example)]
    public static CheckOutcome SweepSettles(CheckContext ctx) => SweepSettlesWith(ctx, null);

    /// <summary>The same check in a world built with <paramref name="parts"/> (a seeded fault's components).</summary>
    internal static CheckOutcome SweepSettlesWith(CheckContext ctx, WorldParts? parts)
    {
        var (world, wum) = World(ctx, parts);
        // The AuthRes is late and every inquiry of the wallet is lost: the wallet reports "unknown", the merchant holds the order.
        world.Network.Delay(m => m.Kind == AuthReqPayload.Kind).Drop(m => m.Kind == InqReq.Kind, times: 3);
        var o = Pay(wum, world);
        if (o is not Refused { Reason: RefusalReason.ProtocolError } r || !r.Cause.Contains("outcome unknown", StringComparison.Ordinal))
            return Verdict(ctx, world, $"expected outcome unknown, got {o}", "");
        if (world.Merchant.Orders[Lid].State != OrderState.AuthorizationUnknown) return Verdict(ctx, world, $"merchant order {world.Merchant.Orders[Lid].State}, expected AuthorizationUnknown", "");
        world.Network.Heal();
        world.Merchant.ResolvePendingAsync().GetAwaiter().GetResult();
        var state = world.Merchant.Orders[Lid].State;
        var auths = world.Gateway.Authorizations(PaymentWorld.MerchantId, Lid);
        var failure = state == OrderState.Paid && auths == 1 ? null : $"after the sweep: merchant {state}, {auths} authorizations";
        return Verdict(ctx, world, failure, $"{o}; the sweep settled the order Paid from the gateway's record");
    }

    [Check("RECOVERY-PREQ-DUPLICATED", Title = "a PReq delivered twice: the merchant answers the copy with the recorded PRes; one authorization; the user is told Paid",
        Requirements = ["INV-EXACTLY-ONCE-UNDER-FAULTS", "INV-ONCE"], Kind = CheckKind.Example)]
    public static CheckOutcome PReqDuplicated(CheckContext ctx) => PReqDuplicatedWith(ctx, null);

    /// <summary>The same check in a world built with <paramref name="parts"/> (a seeded fault's components).</summary>
    internal static CheckOutcome PReqDuplicatedWith(CheckContext ctx, WorldParts? parts)
    {
        var (world, wum) = World(ctx, parts);
        world.Network.Duplicate(m => m.Kind == PReq.Kind);
        var o = Pay(wum, world);
        var failure = Agree(world, o, OrderState.Paid) ?? (o is Paid ? null : $"expected Paid, got {o}");
        return Verdict(ctx, world, failure, $"{o}; the copy got the recorded PRes");
    }

    [Check("RECOVERY-HOP-TIMEOUTS", Title = "per-hop bounded waits nest: merchant→gateway < client→merchant < master→slave session < PC→wallet session, for the default and a short base",
        Requirements = ["INV-EXACTLY-ONCE-UNDER-FAULTS"], Kind = CheckKind.Example)]
    public static CheckOutcome HopTimeoutsNest(CheckContext ctx) => HopTimeoutsNestWith(ctx, null);

    /// <summary>The same check in a world built with <paramref name="parts"/> (a seeded fault's components).</summary>
    internal static CheckOutcome HopTimeoutsNestWith(CheckContext ctx, WorldParts? parts)
    {
        foreach (var t in new[] { TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200) })
        {
            INetwork n = new PaymentWorld(ctx.Seed, t, parts: parts).Wire;
            var gw = n.TimeoutFor(new NetMessage(Address.Merchant, Address.Gateway, AuthReqPayload.Kind, [1]));
            var merchant = n.TimeoutFor(new NetMessage(Address.Pc, Address.Merchant, PReq.Kind, [1]));
            var proxy = n.TimeoutFor(new NetMessage(Address.ServerWallet("MSW"), Address.ServerWallet("SSW-1"), WalletProtocol.Deliver, [1]));
            var session = n.TimeoutFor(new NetMessage(Address.Pc, Address.ServerWallet("MSW"), WalletProtocol.Deliver, [1]));
            if (!(gw < merchant && merchant < proxy && proxy < session)) return CheckOutcome.Fail($"base {t}: {gw} / {merchant} / {proxy} / {session}");
            if (merchant != t) return CheckOutcome.Fail($"the merchant hop must keep the base {t}, got {merchant}");
            if (session > HopTimeouts.Longest(t)) return CheckOutcome.Fail("a hop waits longer than the transport cap");
        }
        return CheckOutcome.Pass("2 s < 5 s < 10 s < 15 s at the default base");
    }

    [Check("RECOVERY-REJECTED-NOT-RETAINED", Title = "60 junk bodies of 1 MB sent to the merchant leave nothing retained: no message kept, order table unchanged",
        Requirements = ["INV-BOUNDED", "INV-BAD-INPUT"], Kind = CheckKind.Example)]
    public static CheckOutcome RejectedNotRetained(CheckContext ctx) => RejectedNotRetainedWith(ctx, null);

    /// <summary>The same check in a world built with <paramref name="parts"/> (a seeded fault's components).</summary>
    internal static CheckOutcome RejectedNotRetainedWith(CheckContext ctx, WorldParts? parts)
    {
        var (world, wum) = World(ctx, parts);
        if (Pay(wum, world) is not Paid) return Verdict(ctx, world, "honest purchase failed", "");
        var kept = world.Merchant.Received.Count;
        var orders = world.Merchant.OrdersSnapshot();
        var junk = new byte[1 << 20];
        new Random(ctx.Seed).NextBytes(junk);
        string[] kinds = [PInitReq.Kind, PReq.Kind, InqReq.Kind, "Junk"];
        for (var i = 0; i < 60; i++)
        {
            var reply = world.Wire.SendAsync(new NetMessage(Address.Pc, Address.Merchant, kinds[i % kinds.Length], junk)).GetAwaiter().GetResult();
            if (reply.Kind != ErrorMessage.Kind) return CheckOutcome.Fail($"junk {kinds[i % kinds.Length]} got {reply.Kind}");
        }
        if (world.Merchant.Received.Count != kept) return CheckOutcome.Fail($"merchant kept {world.Merchant.Received.Count - kept} rejected messages");
        if (world.Merchant.OrdersSnapshot() != orders) return CheckOutcome.Fail("order table changed");
        return CheckOutcome.Pass($"{kept} messages of the honest exchange kept (window {MerchantPos.ReceivedWindow}), 0 of 60 rejected");
    }

    [Check("RECOVERY-AUTHREQ-CONCURRENT", Title = "two copies of one AuthReq handled at the same time (the merchant's lost AuthReq and its copy): the gateway decides and records the XID once; one authorization; the merchant's sweep settles Paid",
        Requirements = ["INV-EXACTLY-ONCE-UNDER-FAULTS", "INV-ONCE"], Kind = CheckKind.Example)]
    public static CheckOutcome AuthReqConcurrent(CheckContext ctx) => AuthReqConcurrentWith(ctx, null);

    /// <summary>The same check in a world built with <paramref name="parts"/> (a seeded fault's components).</summary>
    internal static CheckOutcome AuthReqConcurrentWith(CheckContext ctx, WorldParts? parts)
    {
        var (world, wum) = World(ctx, parts);
        // The AuthReq and every inquiry are lost: the gateway never saw the XID, the merchant holds the order unknown.
        world.Network.Drop(m => m.Kind == AuthReqPayload.Kind).Drop(m => m.Kind == InqReq.Kind, times: 3);
        var o = Pay(wum, world);
        if (o is not Refused) return Verdict(ctx, world, $"expected outcome unknown, got {o}", "");
        var authReq = world.Network.Originals.First(m => m.Kind == AuthReqPayload.Kind);
        world.Network.Heal();
        var replies = world.Run(ct => Task.WhenAll(world.Network.SendAsync(authReq, ct), world.Network.SendAsync(authReq, ct)));
        var auths = world.Gateway.Authorizations(PaymentWorld.MerchantId, Lid);
        if (auths != 1) return Verdict(ctx, world, $"the gateway authorized {auths} times for two concurrent copies of one AuthReq", "");
        if (!replies[0].Body.AsSpan().SequenceEqual(replies[1].Body)) return Verdict(ctx, world, "the two copies got different answers", "");
        world.Run(ct => world.Merchant.ResolvePendingAsync(ct));
        var state = world.Merchant.Orders[Lid].State;
        return Verdict(ctx, world, state == OrderState.Paid ? null : $"after the sweep the merchant order is {state}", "one authorization, the same AuthRes for both copies; the sweep settled Paid");
    }
}
