using FsCheck;
using FsCheck.Fluent;
using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Invariants;
using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Client;
using MultiWallet.Impl.Parties;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Bounded;

/// <summary>
/// INV-BOUNDED for the merchant's orders, as a property. Each generated case drives orders into generated states — offered,
/// initiated (PInitReq answered late), paid, declined, cancelled (PReq lost), reversed (AuthRes late, AuthInqReq lost),
/// authorization unknown (AuthRes late, every inquiry lost) and abandoned (AuthRes late, AuthInqReq and AuthRevReq lost) —
/// in one world, then moves its virtual clock (never the wall clock) to just before and past each order's documented
/// lifetime (<see cref="OrderLifetimes.Faithful"/>: 15 min pending, 24 h settled), runs the merchant's housekeeping sweep
/// and reads its table: an order is still there before its lifetime ends, gone after it (by a generated margin), and
/// an order whose authorization may stand is never dropped (not even 30 days on) until the recovery sweep settles it,
/// after which it lives the settled lifetime. The lifetime is measured from the case's own readings of the clock around
/// each order's last transition, not from the merchant's record. Cases come from FsCheck generators with
/// <c>Rnd(seed, gamma)</c>, so a seed replays them; classes are the states generated and the margin; the property fails
/// when a class was never generated.
/// </summary>
internal static class OrderExpiryChecks
{
    private static readonly OrderState[] Generated =
    [
        OrderState.Offered, OrderState.Initiated, OrderState.Paid, OrderState.Declined, OrderState.Cancelled, OrderState.Reversed,
        OrderState.AuthorizationUnknown, OrderState.Abandoned,
    ];

    private const long DeclinedAmount = 99_999, DeclineAbove = 50_000;

    private sealed record OrderCase(IReadOnlyList<OrderState> Orders, int PastSeconds)
    {
        public override string ToString() => $"orders [{string.Join(", ", Orders)}], clock to each lifetime -1 s and +{PastSeconds}s, 30 days, recovery, +24 h";
    }

    private static readonly Gen<OrderCase> CaseGen =
        from n in Gen.Choose(1, 4)
        from states in Gen.ListOf(Gen.Elements(Generated), n)
        from past in Gen.OneOf(Gen.Choose(1, 59), Gen.Choose(60, 3_600))
        select new OrderCase([.. states], past);

    /// <summary>Cases per run: one per generated scenario of an embodiment, at least 32 (every state likely), at most 200.</summary>
    private static int CaseCount(CheckContext ctx) => Math.Clamp(ctx.Cases, 32, 200);

    [Check("PROP-BOUNDED-EXPIRY-ORDERS", Title = "merchant orders driven into every generated state are dropped exactly after their documented lifetime on the virtual clock (pending 15 min, settled 24 h); an order whose authorization may stand is never dropped until the recovery sweep settles it",
        Requirements = ["INV-BOUNDED", "INV-EXACTLY-ONCE-UNDER-FAULTS"], Kind = CheckKind.Property)]
    public static CheckOutcome Orders(CheckContext ctx) => Run(ctx, null);

    /// <summary>One order of a case: its LID-M, and the clock read just before and just after its last transition.</summary>
    private sealed record Entry(string LidM, OrderState State, DateTime From, DateTime To);

    /// <summary>The property in worlds built with <paramref name="parts"/> (a seeded fault's components when not null).</summary>
    internal static CheckOutcome Run(CheckContext ctx, WorldParts? parts)
    {
        var seed = (ulong)ctx.Seed + 11;
        var replay = $"({seed},{Campaign.Gamma},{Campaign.Size}) seed={ctx.Seed}";
        var cases = Gen.Sample(CaseGen, CaseCount(ctx), new Rnd(seed, Campaign.Gamma), Campaign.Size).ToList();
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            foreach (var k in c.Orders.Distinct().Select(o => $"order:{o}").Append(c.PastSeconds < 60 ? "past:under-a-minute" : "past:minutes"))
                classes[k] = classes.GetValueOrDefault(k) + 1;
            var failure = RunCase(ctx, c, parts);
            if (failure is null) continue;
            ctx.Log($"case #{i}: {c}\n{failure}");
            return new CheckOutcome { Passed = false, CasesRun = i + 1, Classes = classes, Replay = replay, Message = $"case #{i}: {failure}", Counterexample = $"{c}\n{failure}" };
        }
        var required = Generated.Select(o => $"order:{o}").Concat(["past:under-a-minute", "past:minutes"]).ToList();
        return ClassifiedOutcome.Of(cases.Count, classes, required, replay, $"{cases.Count} cases, every order kept until its lifetime and dropped after it, unresolved ones kept until settled; classes: {ClassifiedOutcome.Render(classes)}");
    }

    private static (PaymentWorld World, Wum Wum) NewWorld(int seed, WorldParts? parts)
    {
        var world = new PaymentWorld(seed, parts: parts);
        world.Network.RecordRequests = true;
        world.AddServerWallet("SW-1", "BrandA");
        world.Gateway.DeclineAbove = DeclineAbove;
        return (world, world.NewWum("SW-1"));
    }

    /// <summary>Drives a fresh order into <paramref name="state"/> with the faults that lead there (DECISIONS, "Rules for the fault model").</summary>
    private static void Drive(PaymentWorld world, Wum wum, string lid, OrderState state)
    {
        if (state == OrderState.Offered)
        {
            world.WakeUp(lid, "BrandA");
            return;
        }
        var n = world.Network;
        _ = state switch
        {
            OrderState.Initiated => n.Delay(m => m.Kind == PInitReq.Kind),
            OrderState.Cancelled => n.Drop(m => m.Kind == PReq.Kind),
            OrderState.Reversed => n.Delay(m => m.Kind == AuthReqPayload.Kind).Drop(m => m.Kind == AuthInqReq.Kind),
            OrderState.AuthorizationUnknown => n.Delay(m => m.Kind == AuthReqPayload.Kind).Drop(m => m.Kind == InqReq.Kind, times: 3),
            OrderState.Abandoned => n.Delay(m => m.Kind == AuthReqPayload.Kind).Drop(m => m.Kind == AuthInqReq.Kind).Drop(m => m.Kind == AuthRevReq.Kind),
            _ => n,
        };
        var wake = world.WakeUp(lid, "BrandA", amount: state == OrderState.Declined ? DeclinedAmount : 12_800);
        world.Run(ct => wum.PayAsync(wake, ct));
        n.Heal();
    }

    private static string? RunCase(CheckContext ctx, OrderCase c, WorldParts? parts)
    {
        var (world, wum) = NewWorld(ctx.Seed, parts);
        var lifetimes = OrderLifetimes.Faithful;
        var entries = new List<Entry>();
        for (var k = 0; k < c.Orders.Count; k++)
        {
            var lid = $"EXP-{k + 1}";
            var from = world.Clock.UtcNow;
            Drive(world, wum, lid, c.Orders[k]);
            var state = world.Merchant.Orders.TryGetValue(lid, out var o) ? o.State : (OrderState?)null;
            if (state != c.Orders[k]) return $"setup: {lid} ended {state?.ToString() ?? "absent"}, not {c.Orders[k]}: the case tests nothing";
            entries.Add(new Entry(lid, c.Orders[k], from, world.Clock.UtcNow));
        }
        var past = TimeSpan.FromSeconds(c.PastSeconds);
        var failure = Walk(world, entries, lifetimes, past, "");
        if (failure is not null) return failure;

        // Thirty days on, an order whose authorization may stand is still there; everything else is long gone.
        world.VirtualTime.Advance(TimeSpan.FromDays(30));
        failure = Look(world, entries, lifetimes, "30 days on");
        if (failure is not null) return failure;

        // The recovery sweep settles them; from then on they live the settled lifetime.
        var unresolved = entries.Where(e => lifetimes.LifetimeOf(e.State) is null).ToList();
        if (unresolved.Count == 0) return null;
        world.Network.Heal();
        var start = world.Clock.UtcNow;
        world.Run(ct => world.Merchant.ResolvePendingAsync(ct));
        var end = world.Clock.UtcNow;
        var settled = new List<Entry>();
        foreach (var e in unresolved)
        {
            var state = world.Merchant.Orders.TryGetValue(e.LidM, out var o) ? o.State : (OrderState?)null;
            if (state is not { } s || lifetimes.LifetimeOf(s) is null) return $"{e.LidM} ({e.State}) not settled by the recovery sweep: {state?.ToString() ?? "absent"}";
            settled.Add(new Entry(e.LidM, s, start, end));
        }
        return Walk(world, settled, lifetimes, past, " after the recovery sweep");
    }

    /// <summary>Moves the clock to just before and past each lifetime in time order, checking the table at each stop.</summary>
    private static string? Walk(PaymentWorld world, IReadOnlyList<Entry> entries, IOrderLifetimes lifetimes, TimeSpan past, string phase)
    {
        var stops = entries.SelectMany(e => lifetimes.LifetimeOf(e.State) is { } l ? new[] { e.From + l - TimeSpan.FromSeconds(1), e.To + l + past } : [])
            .Distinct().Order().ToList();
        foreach (var at in stops)
        {
            if (at > world.Clock.UtcNow) world.VirtualTime.Advance(at - world.Clock.UtcNow);
            var failure = Look(world, entries, lifetimes, $"at {at:O}{phase}");
            if (failure is not null) return failure;
        }
        return null;
    }

    /// <summary>After the merchant's sweep: kept while its lifetime may still run, gone once it surely ended, kept for ever if it has none.</summary>
    private static string? Look(PaymentWorld world, IReadOnlyList<Entry> entries, IOrderLifetimes lifetimes, string when)
    {
        world.Merchant.SweepExpired();
        var now = world.Clock.UtcNow;
        var table = world.Merchant.Orders;
        foreach (var e in entries)
        {
            var held = table.ContainsKey(e.LidM);
            if (lifetimes.LifetimeOf(e.State) is not { } l)
            {
                if (!held) return $"{e.LidM} ({e.State}, authorization may stand) dropped {when} before it was resolved";
                continue;
            }
            if (now < e.From + l && !held) return $"{e.LidM} ({e.State}) dropped {when}, before its lifetime of {l} ended";
            if (now >= e.To + l && held) return $"{e.LidM} ({e.State}) still kept {when}, past its lifetime of {l} (merchant StateSize {world.Merchant.StateSize})";
        }
        return null;
    }

    [Check("BOUNDED-ORDER-EXPIRED-LATE-REQUEST", Title = "a PInitReq or PReq arriving after its order's pending lifetime (15 min on the virtual clock) is refused UnknownOrder naming the expiry, and the order is gone; the same requests before the lifetime are served",
        Requirements = ["INV-BOUNDED", "INV-BAD-INPUT"], Kind = CheckKind.Example)]
    public static CheckOutcome LateRequest(CheckContext ctx)
    {
        var pending = OrderLifetimes.Faithful.Pending + TimeSpan.FromSeconds(1);
        var results = new List<string>();
        foreach (var kind in new[] { PInitReq.Kind, PReq.Kind })
        {
            var (world, wum) = NewWorld(ctx.Seed, null);
            // The request is lost, and with a PReq every inquiry too, so the order stays Offered / Initiated.
            world.Network.Drop(m => m.Kind == kind);
            if (kind == PReq.Kind) world.Network.Drop(m => m.Kind == InqReq.Kind, times: 3);
            world.Run(ct => wum.PayAsync(world.WakeUp("LATE-1", "BrandA"), ct));
            world.Network.Heal();
            var expected = kind == PInitReq.Kind ? OrderState.Offered : OrderState.Initiated;
            if (!world.Merchant.Orders.TryGetValue("LATE-1", out var o) || o.State != expected)
                return CheckOutcome.Fail($"setup: the order is {(o is null ? "absent" : o.State)}, not {expected}");
            var late = world.Network.Originals.First(m => m.Kind == kind);
            world.VirtualTime.Advance(pending);
            var reply = world.Run(ct => world.Network.SendAsync(late, ct));
            if (reply.Kind != ErrorMessage.Kind || ErrorMessage.Decode(reply.Body) is not { Code: SetErrorCode.UnknownOrder } e || !e.Cause.Contains("expired at merchant", StringComparison.Ordinal))
            {
                ctx.Log(world.Trace.Render());
                return CheckOutcome.Fail($"a late {kind} got {reply.Kind}{(reply.Kind == ErrorMessage.Kind ? $" {ErrorMessage.Decode(reply.Body)}" : "")}, not UnknownOrder naming the expiry");
            }
            if (world.Merchant.Orders.ContainsKey("LATE-1")) return CheckOutcome.Fail($"the expired order is still kept after the late {kind}");
            // The same request within the lifetime is served (so the refusal above is the expiry, not the request).
            var (fresh, freshWum) = NewWorld(ctx.Seed, null);
            fresh.Network.Drop(m => m.Kind == kind);
            if (kind == PReq.Kind) fresh.Network.Drop(m => m.Kind == InqReq.Kind, times: 3);
            fresh.Run(ct => freshWum.PayAsync(fresh.WakeUp("LATE-1", "BrandA"), ct));
            fresh.Network.Heal();
            fresh.VirtualTime.Advance(OrderLifetimes.Faithful.Pending - TimeSpan.FromSeconds(1));
            var onTime = fresh.Run(ct => fresh.Network.SendAsync(fresh.Network.Originals.First(m => m.Kind == kind), ct));
            if (onTime.Kind == ErrorMessage.Kind) return CheckOutcome.Fail($"the same {kind} within the lifetime was refused: {ErrorMessage.Decode(onTime.Body)}");
            results.Add($"{kind}: {e.Cause}");
        }
        return CheckOutcome.Pass(string.Join("; ", results), 4);
    }
}
