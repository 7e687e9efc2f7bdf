using MultiWallet.Checks.Bounded;
using MultiWallet.Impl.Parties;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Faults;

/// <summary>
/// Wrong order lifetimes at the merchant, substituted through <see cref="WorldParts.OrderLifetimes"/> (no switch in impl/).
/// Both are in <see cref="SeededFaults.All"/>, caught by PROP-BOUNDED-EXPIRY-ORDERS.
/// </summary>
public static class RetentionFaults
{
    /// <summary>A lifetime table that gives no order a lifetime: every order is kept for ever.</summary>
    private sealed class NeverExpire : IOrderLifetimes
    {
        public TimeSpan? LifetimeOf(OrderState state) => null;
    }

    /// <summary>The faithful table, but an order whose authorization may stand expires like a pending one.</summary>
    private sealed class UnresolvedExpire : IOrderLifetimes
    {
        public TimeSpan? LifetimeOf(OrderState state) => OrderLifetimes.Faithful.LifetimeOf(state) ?? OrderLifetimes.Faithful.Pending;
    }

    private static EmbodimentWorld.Parts World(WorldParts w) => new() { World = w };

    private static (string, Func<Catalog.CheckContext, EmbodimentWorld.Parts, Catalog.CheckOutcome>) Orders =>
        ("PROP-BOUNDED-EXPIRY-ORDERS", (ctx, p) => OrderExpiryChecks.Run(ctx, p.World));

    /// <summary>Faults PROP-BOUNDED-EXPIRY-ORDERS catches (part of <see cref="SeededFaults.All"/>).</summary>
    public static readonly IReadOnlyList<SeededFault> Detectable =
    [
        new("FAULT-E4-MERCHANT-ORDERS-NEVER-EXPIRE", Embodiment.E4, "the merchant keeps every order for ever: abandoned offers, initiated orders never purchased and settled orders are never dropped", ["INV-BOUNDED"],
            World(new WorldParts { OrderLifetimes = new NeverExpire() })) { Detector = Orders },
        new("FAULT-E10-MERCHANT-DROPS-UNRESOLVED", Embodiment.E10, "the merchant drops an order whose authorization is unknown or whose reversal is pending after 15 minutes, before the recovery sweep settles it", ["INV-BOUNDED", "INV-EXACTLY-ONCE-UNDER-FAULTS"],
            World(new WorldParts { OrderLifetimes = new UnresolvedExpire() })) { Detector = Orders },
    ];
}
