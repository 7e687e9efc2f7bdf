namespace MultiWallet.Impl.Parties;

/// <summary>
/// How long the merchant keeps an order in each state (docs/DECISIONS.md, "Bounded resources"): a lifetime runs on the
/// merchant's clock from the moment the order entered the state; null means the order is never dropped in that state.
/// <see cref="OrderLifetimes.Faithful"/> is the documented table; the interface is the seam a seeded fault substitutes.
/// </summary>
public interface IOrderLifetimes
{
    /// <summary>How long an order stays in <paramref name="state"/> before it is dropped, or null for never.</summary>
    TimeSpan? LifetimeOf(OrderState state);
}
